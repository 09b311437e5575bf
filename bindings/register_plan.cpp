// Plans, plan files and the embedded plans for Python: read-only Plan, Domain, Indicator and
// Localized objects whose properties and to_dict() (the plan JSON of docs/plan-format.md) follow
// the field tables of plan_fields.hpp.
#include "register.hpp"

#include <chitieu/plan_fields.hpp>
#include <chitieu/plan_file.hpp>
#include <chitieu/plan_select.hpp>
#include <chitieu/plan_validate.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace chitieu::python {

namespace {

py::dict localized_dict(const localized& l) {
  py::dict d;
  d["vi"] = l.vi;
  d["en"] = l.en;
  return d;
}

/// A stored value as a plan JSON value: texts (None when an optional one is empty), numbers,
/// [from, to] lists, {vi, en} dicts and enum names.
py::object json_value(const field_key& f, const std::string& v) {
  return v.empty() && !f.required ? py::none() : py::object(py::str(v));
}
py::object json_value(const field_key&, const localized& l) { return localized_dict(l); }
py::object json_value(const field_key&, const std::pair<int, int>& p) {
  py::list out;
  out.append(p.first);
  out.append(p.second);
  return std::move(out);
}
template <class E, if_enum_table<E> = 0>
py::object json_value(const field_key&, E v) {
  return py::str(std::string(to_string(v)));
}
template <class T, std::enable_if_t<!std::is_enum<T>::value, int> = 0>
py::object json_value(const field_key&, const T& v) {
  return py::cast(v);
}
template <class T>
py::object json_value(const field_key& f, const std::optional<T>& v) {
  return v ? json_value(f, *v) : py::none();
}

/// A stored value as a Python property: like the plan JSON but texts stay str ('' when empty)
/// and periods are (from, to) tuples.
template <class E, if_enum_table<E> = 0>
py::object property_value(E v) {
  return py::str(std::string(to_string(v)));
}
template <class T, std::enable_if_t<!std::is_enum<T>::value, int> = 0>
py::object property_value(const T& v) {
  return py::cast(v);
}
template <class E, if_enum_table<E> = 0>
py::object property_value(const std::optional<E>& v) {
  return v ? property_value(*v) : py::none();
}

/// The Target JSON (the target_spec of an indicator, docs/plan-format.md).
py::dict target_spec(const target& t) {
  const field_key optional{"", false, "", field_format::text};
  py::dict d;
  d["kind"] = std::string(to_string(t.kind));
  d["lower"] = json_value(optional, t.lower);
  d["lower_inclusive"] = t.lower_inclusive;
  d["upper"] = json_value(optional, t.upper);
  d["upper_inclusive"] = t.upper_inclusive;
  d["value"] = json_value(optional, t.value);
  d["tolerance"] = json_value(optional, t.tolerance);
  d["base_year"] = json_value(optional, t.base_year);
  d["period"] = json_value(optional, t.period);
  d["unit"] = t.unit;
  return d;
}

/// An entity's fields as a dict keyed like the plan file; the indicator's target_spec follows its target.
template <class Fields, class Entity>
py::dict fields_dict(const Fields& fields, const Entity& e) {
  py::dict d;
  for_each_field(fields, [&](const auto& f) {
    d[f.key] = json_value(f, f.get(e));
    if constexpr (std::is_same_v<Entity, indicator>)
      if (std::string(f.key) == "target") d["target_spec"] = target_spec(e.target);
  });
  return d;
}

py::dict indicator_dict(const indicator& i) { return fields_dict(indicator_fields, i); }

/// The plan JSON {plan, domains, indicators}.
py::dict plan_dict(const plan& p) {
  py::list domains;
  for (const auto& d : p.domains) domains.append(fields_dict(domain_fields, d));
  py::list indicators;
  for (const auto& i : p.indicators) indicators.append(indicator_dict(i));
  py::dict out;
  out["plan"] = fields_dict(plan_fields, p);
  out["domains"] = domains;
  out["indicators"] = indicators;
  return out;
}

/// One read-only property per field of the table (the indicator's `target` key is the phrase,
/// exposed as `target_phrase`; `target` is the parsed Target).
template <class Class, class Fields>
void def_field_properties(Class& cls, const Fields& fields) {
  using entity = typename Class::type;
  for_each_field(fields, [&](const auto& f) {
    if (std::is_same_v<entity, indicator> && std::string(f.key) == "target") return;
    const auto get = f.get;
    cls.def_property_readonly(f.key, [get](const entity& e) { return property_value(get(e)); });
  });
}

/// chitieu::errors as chitieu.ChitieuError instances carrying message, file, line and field.
py::list error_objects(const std::vector<error>& problems) {
  py::list out;
  for (const auto& e : problems) out.append(error_object(e));
  return out;
}

}  // namespace

void register_plan(py::module_& m) {
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

  py::class_<domain> domain_class(m, "Domain", "A group of indicators.");
  def_field_properties(domain_class, domain_fields);
  domain_class.def(py::self == py::self).def("__repr__", [](const domain& d) {
    return "Domain(id='" + d.id + "')";
  });

  py::class_<indicator> indicator_class(
      m, "Indicator", "One typed indicator of a plan; properties are named like the TOML keys.");
  def_field_properties(indicator_class, indicator_fields);
  indicator_class.def_readonly("target", &indicator::target, "The parsed target (a Target).")
      .def_readonly("target_phrase", &indicator::target_phrase, "The target in the plan's words.")
      .def("to_dict", &indicator_dict, "The indicator's entry of the plan JSON.")
      .def(py::self == py::self)
      .def("__repr__", [](const indicator& i) {
        return "Indicator(id='" + i.id +
               "', target=" + py::repr(py::str(i.target_phrase)).cast<std::string>() + ")";
      });

  py::class_<plan> plan_class(m, "Plan", "A plan: metadata, domains and indicators (read-only).");
  def_field_properties(plan_class, plan_fields);
  plan_class.def_readonly("domains", &plan::domains)
      .def_readonly("indicators", &plan::indicators)
      .def(
          "indicator",
          [](const plan& p, const std::string& id) {
            for (const auto& i : p.indicators)
              if (i.id == id) return i;
            throw py::key_error("no indicator '" + id + "' in plan " + p.id);
          },
          py::arg("id"), "The indicator with this id; KeyError when there is none.")
      .def("to_dict", &plan_dict, "The plan JSON {plan, domains, indicators} (docs/plan-format.md).")
      .def(py::self == py::self)
      .def("__repr__", [](const plan& p) {
        return "Plan(id='" + p.id + "', indicators=" + std::to_string(p.indicators.size()) + ")";
      });

  m.def(
      "load_plan", [](const std::string& s) { return load_plan(s); }, py::arg("id_or_path"),
      "An embedded plan by id ('la-gi-2024') or a plan file by path.");
  m.def("read_plan", &read_plan, py::arg("path"), "Reads and validates a plan file.");
  m.def(
      "parse_plan", [](const std::string& text, const std::string& name) { return parse_plan(text, name); },
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
      [](const std::string& text, const std::string& name) {
        return error_objects(plan_file_problems(text, name));
      },
      py::arg("text"), py::arg("source_name") = "<string>",
      "Every problem of a plan file's text at once, as ChitieuError objects with message, file, line, "
      "field.");
}

}  // namespace chitieu::python
