// A downstream program: links chitieu::chitieu (static or shared), judges one value, loads a
// built-in plan and catches a chitieu::error thrown inside the library.
#include <chitieu/chitieu.hpp>

#include <iostream>

int main() {
  const chitieu::target t = chitieu::parse_target("trên 95%", chitieu::direction::higher);
  const double value = 96.2;
  std::cout << "status of " << value << " against '" << t.text
            << "': " << chitieu::to_string(chitieu::judge(t, value)) << "\n";
  const chitieu::plan p = chitieu::load_plan("la-gi-2024");
  std::cout << "built-in plan " << p.id << " has " << p.indicators.size() << " indicators\n";
  try {
    chitieu::parse_target("trên nhiều", chitieu::direction::higher);
  } catch (const chitieu::error& e) {
    std::cout << "caught chitieu::error on field " << e.field() << "\n";
  }
  std::cout << "chitieu " << chitieu::version() << "\n";
  return 0;
}
