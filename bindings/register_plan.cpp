// Plans, plan files and the embedded plans for Python: read-only Plan, Domain, Indicator and
// Localized objects named like the TOML keys, and the plan JSON of DESIGN.md §3 via to_dict().
#include "register.hpp"

#include <chitieu/plan_file.hpp>
#include <chitieu/plan_select.hpp>
#include <chitieu/plan_validate.hpp>

#include <pybind11/gil_safe_call_once.h>
#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;

namespace chitieu::python {

namespace {

py::object or_none(const std::string& s) { return s.empty() ? py::none() : py::object(py::str(s)); }

template <class T>
py::object or_none(const std::optional<T>& v) {
  return v ? py::cast(*v) : py::none();
}

py::object period_of(const std::optional<std::pair<int, int>>& p) {
  if (!p) return py::none();
  py::list out;
  out.append(p->first);
  out.append(p->second);
  return std::move(out);
}

py::dict localized_dict(const localized& l) {
  py::dict d;
  d["vi"] = l.vi;
  d["en"] = l.en;
  return d;
}

/// The Target JSON of DESIGN.md §3.
py::dict target_spec(const target& t) {
  py::dict d;
  d["kind"] = std::string(to_string(t.kind));
  d["lower"] = or_none(t.lower);
  d["lower_inclusive"] = t.lower_inclusive;
  d["upper"] = or_none(t.upper);
  d["upper_inclusive"] = t.upper_inclusive;
  d["value"] = or_none(t.value);
  d["tolerance"] = or_none(t.tolerance);
  d["base_year"] = or_none(t.base_year);
  d["period"] = period_of(t.period);
  d["unit"] = t.unit;
  return d;
}

py::dict indicator_dict(const indicator& i) {
  py::dict d;
  d["id"] = i.id;
  d["domain"] = i.domain;
  d["name"] = localized_dict(i.name);
  d["unit"] = std::string(to_string(i.unit));
  d["direction"] = std::string(to_string(i.dir));
  d["target"] = i.target_phrase;
  d["target_spec"] = target_spec(i.target);
  d["tolerance"] = or_none(i.tolerance);
  d["baseline_year"] = or_none(i.baseline_year);
  d["target_year"] = or_none(i.target_year);
  d["period"] = period_of(i.period);
  d["trend"] = std::string(to_string(i.trend));
  d["aggregate"] = std::string(to_string(i.aggregate));
  d["min_coverage"] = i.min_coverage;
  d["part_of"] = or_none(i.part_of);
  d["aspirational"] = i.aspirational;
  d["numerator"] = or_none(i.numerator);
  d["denominator"] = or_none(i.denominator);
  d["aligns_with"] = i.aligns_with;
  d["source"] = or_none(i.source);
  d["text"] = or_none(i.text);
  return d;
}

/// The plan JSON {plan, domains, indicators}.
py::dict plan_dict(const plan& p) {
  py::dict meta;
  meta["id"] = p.id;
  meta["title"] = localized_dict(p.title);
  meta["issuer"] = or_none(p.issuer);
  meta["area"] = or_none(p.area);
  meta["adopted"] = or_none(p.adopted);
  meta["baseline_year"] = p.baseline_year;
  meta["target_year"] = p.target_year;
  meta["parent"] = or_none(p.parent);
  meta["source"] = or_none(p.source);
  py::list domains;
  for (const auto& d : p.domains) {
    py::dict dd;
    dd["id"] = d.id;
    dd["name"] = localized_dict(d.name);
    domains.append(dd);
  }
  py::list indicators;
  for (const auto& i : p.indicators) indicators.append(indicator_dict(i));
  py::dict out;
  out["plan"] = meta;
  out["domains"] = domains;
  out["indicators"] = indicators;
  return out;
}

PYBIND11_CONSTINIT py::gil_safe_call_once_and_store<py::object> error_type;

/// chitieu::errors as _core.ChitieuError instances carrying message, file, line and field.
py::list error_objects(const std::vector<error>& problems) {
  const py::object& type = error_type.get_stored();
  py::list out;
  for (const auto& e : problems) {
    py::object obj = type(e.what());
    obj.attr("message") = e.message();
    obj.attr("file") = or_none(e.file());
    obj.attr("line") = e.line() > 0 ? py::object(py::int_(e.line())) : py::none();
    obj.attr("field") = or_none(e.field());
    out.append(obj);
  }
  return out;
}

}  // namespace

void register_plan(py::module_& m) {
  error_type.call_once_and_store_result([&m] { return py::object(m.attr("ChitieuError")); });
  py::class_<localized>(m, "Localized", "A text in Vietnamese (vi) and English (en).")
      .def_readonly("vi", &localized::vi, "Vietnamese")
      .def_readonly("en", &localized::en, "English")
      .def("__getitem__",
           [](const localized& l, const std::string& lang) {
             if (lang == "vi") return l.vi;
             if (lang == "en") return l.en;
             throw py::key_error("'" + lang + "': a localized text has 'vi' and 'en'");
           })
      .def("to_dict", &localized_dict, "{'vi': ..., 'en': ...}")
      .def(py::self == py::self)
      .def("__repr__", [](const localized& l) {
        return "Localized(vi=" + py::repr(py::str(l.vi)).cast<std::string>() +
               ", en=" + py::repr(py::str(l.en)).cast<std::string>() + ")";
      });

  py::class_<domain>(m, "Domain", "A group of indicators.")
      .def_readonly("id", &domain::id)
      .def_readonly("name", &domain::name)
      .def(py::self == py::self)
      .def("__repr__", [](const domain& d) { return "Domain(id='" + d.id + "')"; });

  py::class_<indicator>(m, "Indicator", "One typed indicator of a plan; properties are named like the TOML keys.")
      .def_readonly("id", &indicator::id)
      .def_readonly("domain", &indicator::domain)
      .def_readonly("name", &indicator::name)
      .def_property_readonly("unit", [](const indicator& i) { return std::string(to_string(i.unit)); })
      .def_property_readonly("direction", [](const indicator& i) { return std::string(to_string(i.dir)); })
      .def_readonly("target", &indicator::target, "The parsed target (a Target).")
      .def_readonly("target_phrase", &indicator::target_phrase, "The target in the plan's words.")
      .def_readonly("tolerance", &indicator::tolerance)
      .def_readonly("baseline_year", &indicator::baseline_year, "The indicator's own baseline year, or None.")
      .def_readonly("target_year", &indicator::target_year, "The indicator's own target year, or None.")
      .def_readonly("period", &indicator::period)
      .def_property_readonly("trend", [](const indicator& i) { return std::string(to_string(i.trend)); })
      .def_property_readonly("aggregate", [](const indicator& i) { return std::string(to_string(i.aggregate)); })
      .def_readonly("min_coverage", &indicator::min_coverage)
      .def_readonly("part_of", &indicator::part_of)
      .def_readonly("aspirational", &indicator::aspirational)
      .def_readonly("numerator", &indicator::numerator)
      .def_readonly("denominator", &indicator::denominator)
      .def_readonly("aligns_with", &indicator::aligns_with)
      .def_readonly("source", &indicator::source)
      .def_readonly("text", &indicator::text)
      .def("to_dict", &indicator_dict, "The indicator's entry of the plan JSON.")
      .def(py::self == py::self)
      .def("__repr__", [](const indicator& i) {
        return "Indicator(id='" + i.id + "', target=" + py::repr(py::str(i.target_phrase)).cast<std::string>() + ")";
      });

  py::class_<plan>(m, "Plan", "A plan: metadata, domains and indicators (read-only).")
      .def_readonly("id", &plan::id)
      .def_readonly("title", &plan::title)
      .def_readonly("issuer", &plan::issuer)
      .def_readonly("area", &plan::area)
      .def_readonly("adopted", &plan::adopted, "ISO date of adoption, or '' when unknown.")
      .def_readonly("baseline_year", &plan::baseline_year)
      .def_readonly("target_year", &plan::target_year)
      .def_readonly("parent", &plan::parent)
      .def_readonly("source", &plan::source)
      .def_readonly("domains", &plan::domains)
      .def_readonly("indicators", &plan::indicators)
      .def(
          "indicator",
          [](const plan& p, const std::string& id) {
            for (const auto& i : p.indicators)
              if (i.id == id) return i;
            throw py::key_error("no indicator '" + id + "' in plan " + p.id);
          },
          py::arg("id"), "The indicator with this id; KeyError when there is none.")
      .def("to_dict", &plan_dict, "The plan JSON {plan, domains, indicators} (DESIGN.md §3).")
      .def(py::self == py::self)
      .def("__repr__", [](const plan& p) {
        return "Plan(id='" + p.id + "', indicators=" + std::to_string(p.indicators.size()) + ")";
      });

  m.def("load_plan", [](const std::string& s) { return load_plan(s); }, py::arg("id_or_path"),
        "An embedded plan by id ('la-gi-2024') or a plan file by path.");
  m.def("read_plan", &read_plan, py::arg("path"), "Reads and validates a plan file.");
  m.def("parse_plan", [](const std::string& text, const std::string& name) { return parse_plan(text, name); },
        py::arg("text"), py::arg("source_name") = "<string>", "Parses and validates a plan file's text.");
  m.def("write_plan", &write_plan, py::arg("plan"), "The plan as TOML; parse_plan reads it back equal.");
  m.def("select_indicators", &select_indicators, py::arg("plan"), py::arg("ids"),
        "The plan with only the indicators ids and the domains holding them (docs/your-data.md).");
  m.def("embedded_plan_ids", &embedded_plan_ids, "Ids of the plans compiled into the library.");
  m.def(
      "plan_problems", [](const plan& p) { return error_objects(plan_problems(p)); }, py::arg("plan"),
      "Every consistency problem of a plan, as ChitieuError objects with message, file, line, field.");
  m.def(
      "plan_file_problems",
      [](const std::string& text, const std::string& name) { return error_objects(plan_file_problems(text, name)); },
      py::arg("text"), py::arg("source_name") = "<string>",
      "Every problem of a plan file's text at once, as ChitieuError objects with message, file, line, field.");
}

}  // namespace chitieu::python
