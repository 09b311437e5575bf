// A downstream program on chitieu::core alone (header-only, nothing linked): a target built
// by hand, its status, and a projection.
#include <chitieu/projection.hpp>
#include <chitieu/status.hpp>
#include <chitieu/unit.hpp>
#include <chitieu/version.hpp>

#include <iostream>

int main() {
  chitieu::target t;
  t.lower = 95.0;
  t.lower_inclusive = false;
  const double x[] = {0, 1, 2, 3};
  const double y[] = {90, 91, 92.5, 93};
  const chitieu::linear_fit fit = chitieu::fit_line(x, y, 4);
  std::cout << "core: status of 96.2 above 95 " << chitieu::to_string(chitieu::judge(t, 96.2))
            << ", projected at year 5 " << fit.predict(5.0) << ", "
            << chitieu::to_string(chitieu::unit::percent) << " in "
            << chitieu::domain_text(chitieu::unit::percent) << ", chitieu " << chitieu::version() << "\n";
  return 0;
}
