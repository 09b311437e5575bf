// The target-phrase parser and formatter for Python. chitieu::phrase_error arrives as
// chitieu.PhraseError (a ChitieuError, hence a ValueError) with position, word, expected and field.
#include "register.hpp"

#include <chitieu/phrase.hpp>

#include <pybind11/stl.h>

#include <optional>
#include <string>

namespace py = pybind11;

namespace chitieu::python {

void register_phrase(py::module_& m) {
  m.def(
      "parse_target",
      [](const std::string& phrase, const std::optional<std::string>& dir, std::optional<double> tolerance) {
        return parse_target(
            phrase, dir ? std::optional<direction>(direction_from_string(*dir)) : std::nullopt, tolerance);
      },
      py::arg("phrase"), py::arg("direction") = py::none(), py::arg("tolerance") = py::none(),
      "Read a target phrase as a plan words it ('đạt trên 80%', 'giảm còn 1,2%', 'tăng bình quân "
      "7%/năm', ...). `direction` (higher, lower, none) gives a bare number its sense; None lets "
      "the words imply it (dưới, giảm: lower; trên, tăng: higher) and refuses a bare number. "
      "`tolerance` overrides the half-width of an approx band. Raises PhraseError (a ValueError) "
      "with position, word and expected when the phrase cannot be read.");
  m.def(
      "format_target", [](const target& t, const std::string& lang) { return format_target(t, lang); },
      py::arg("target"), py::arg("lang") = "vi",
      "Write a target as the canonical phrase (lang 'vi' or 'en') that parse_target reads back "
      "to the same target.");
  m.def(
      "parse_number", [](const std::string& text) { return parse_number(text); }, py::arg("text"),
      "Read a number written the Vietnamese way: decimal comma, a dot before exactly three "
      "digits groups thousands ('13.500' is 13500, '65,11' is 65.11, '76.5' is 76.5).");
}

}  // namespace chitieu::python
