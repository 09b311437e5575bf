// A downstream program: links the installed chitieu package and judges one value.
#include <chitieu/chitieu.hpp>

#include <iostream>

int main() {
  const chitieu::target t = chitieu::parse_target("trên 95%", chitieu::direction::higher);
  const double value = 96.2;
  std::cout << "status of " << value << " against '" << t.text
            << "': " << chitieu::to_string(chitieu::judge(t, value)) << "\n";
  const chitieu::plan p = chitieu::load_plan("la-gi-2024");
  std::cout << "built-in plan " << p.id << " has " << p.indicators.size() << " indicators\n";
  return 0;
}
