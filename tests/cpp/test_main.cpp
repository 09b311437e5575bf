// The main() of every C++ test program: Boost.Test's runner, its master suite named after the
// program (test_<concept> → <concept>). One object serves every program, so that a test file holds
// its cases only and compiles against the precompiled header (cmake/ChitieuTesting.cmake).
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>

namespace {

/// Names the master test suite after the program's file name, without its "test_" prefix.
bool name_master_suite() {
  auto& suite = boost::unit_test::framework::master_test_suite();
  std::string name = suite.argc > 0 ? std::filesystem::path(suite.argv[0]).filename().string() : "chitieu";
  if (name.rfind("test_", 0) == 0) name.erase(0, 5);
  suite.p_name.value = name;
  return true;
}

}  // namespace

int main(int argc, char* argv[]) { return boost::unit_test::unit_test_main(&name_master_suite, argc, argv); }
