// Python bindings for areas, crosswalks, geography, roll-ups, summaries and the review pipeline.
// Panel, Plan and Evaluation are registered by their own register_*.cpp; pybind11 finds them by type.
#include "register.hpp"

#include <chitieu/area_codes.hpp>
#include <chitieu/area_columns.hpp>
#include <chitieu/area_id.hpp>
#include <chitieu/areas.hpp>
#include <chitieu/crosswalk.hpp>
#include <chitieu/date.hpp>
#include <chitieu/geography.hpp>
#include <chitieu/review.hpp>
#include <chitieu/roll_up.hpp>
#include <chitieu/summary.hpp>

#include <pybind11/stl.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace chitieu::python {
namespace {

using problem = std::tuple<std::string, long, std::string>;

std::vector<problem> as_tuples(const std::vector<error>& errors) {
  std::vector<problem> out;
  for (const error& e : errors) out.emplace_back(e.message(), e.line(), e.field());
  return out;
}

py::dict counts_dict(const summary_counts& c, std::size_t indicators, std::size_t with_data, double score,
                     bool enough_data) {
  py::dict d;
  d["indicators"] = indicators;
  d["with_data"] = with_data;
  for (std::size_t s = 0; s < c.by_status.size(); ++s)
    d[py::str(std::string(to_string(static_cast<status>(s))))] = c.by_status[s];
  py::dict paces;
  for (std::size_t p = 0; p < c.by_pace.size(); ++p)
    if (c.by_pace[p] > 0) paces[py::str(std::string(to_string(static_cast<pace>(p))))] = c.by_pace[p];
  d["pace"] = paces;
  d["score"] = score;
  d["enough_data"] = enough_data;
  return d;
}

py::dict summary_dict(const plan_summary& s) {
  py::dict out;
  out["plan_id"] = s.plan;
  out["area"] = s.area;
  out["year"] = s.year;
  out["geometric"] = s.geometric;
  out["plan"] = counts_dict(s.counts, s.indicators, s.with_data, s.score, s.enough_data);
  py::list domains;
  for (const domain_summary& ds : s.domains) {
    py::dict d = counts_dict(ds.counts, ds.indicators.size(), ds.with_data, ds.score, ds.enough_data);
    d["domain"] = ds.domain;
    py::list scores;
    for (const indicator_score& is : ds.indicators) {
      py::dict row;
      row["indicator"] = is.indicator;
      row["status"] = std::string(to_string(is.status));
      row["pace"] = std::string(to_string(is.pace));
      row["progress"] = is.progress;
      row["score"] = is.score;
      scores.append(row);
    }
    d["indicator_scores"] = scores;
    domains.append(d);
  }
  out["domains"] = domains;
  return out;
}

}  // namespace

py::list findings_list(const std::vector<finding>& findings) {
  py::list out;
  for (const finding& f : findings) {
    py::dict d;
    d["kind"] = std::string(to_string(f.kind));
    d["indicator"] = f.indicator;
    d["area"] = f.area;
    d["year"] = f.year;
    d["own"] = f.own;
    d["aggregate"] = f.aggregate;
    d["message"] = f.message;
    out.append(d);
  }
  return out;
}

void register_areas(py::module_& m) {
  py::class_<area_table>(m, "AreaTable",
                         "Areas with validity periods; the units and parents of year Y are those "
                         "valid on 31 December of Y.")
      .def(py::init([](const std::vector<std::string>& ids, const std::vector<std::string>& codes,
                       const std::vector<std::string>& names, const std::vector<std::string>& levels,
                       const std::vector<std::string>& parents, const std::vector<std::string>& valid_from,
                       const std::vector<std::string>& valid_to, const std::string& source) {
             return area_table(make_areas(ids, codes, names, levels, parents, valid_from, valid_to, source),
                               source);
           }),
           py::arg("ids"), py::arg("codes"), py::arg("names"), py::arg("levels"), py::arg("parents"),
           py::arg("valid_from"), py::arg("valid_to"), py::arg("source") = "",
           "Builds and validates the table (lists of str; \"\" = empty or open). Errors name the "
           "source, the 1-based data row and the field.")
      .def("__len__", [](const area_table& t) { return t.areas().size(); })
      .def("__contains__", &area_table::contains, py::arg("id"))
      .def_property_readonly(
          "ids",
          [](const area_table& t) {
            std::vector<std::string> out;
            for (const area& a : t.areas()) out.push_back(a.id);
            return out;
          },
          "The area ids in table order.")
      .def_property_readonly("source", &area_table::source, "The source named in messages.")
      .def("units_in_year", &area_table::units_in_year, py::arg("year"),
           "Ids of the units valid on 31 December of the year.")
      .def(
          "units_at", [](const area_table& t, const std::string& d) { return t.units_at(parse_date(d)); },
          py::arg("date"), "Ids of the units valid on an ISO date.")
      .def(
          "valid_on",
          [](const area_table& t, const std::string& id, const std::string& d) {
            return t.valid_on(id, parse_date(d));
          },
          py::arg("id"), py::arg("date"), "True when the area exists on the ISO date.")
      .def("parent_in_year", &area_table::parent_in_year, py::arg("id"), py::arg("year"),
           "The parent of the area on 31 December of the year, or None.")
      .def("children_in_year", &area_table::children_in_year, py::arg("id"), py::arg("year"),
           "The children of the area on 31 December of the year.");

  m.def(
      "area_problems",
      [](const std::vector<std::string>& ids, const std::vector<std::string>& codes,
         const std::vector<std::string>& names, const std::vector<std::string>& levels,
         const std::vector<std::string>& parents, const std::vector<std::string>& valid_from,
         const std::vector<std::string>& valid_to, const std::string& source) {
        return as_tuples(area_problems(
            make_areas(ids, codes, names, levels, parents, valid_from, valid_to, source), source));
      },
      py::arg("ids"), py::arg("codes"), py::arg("names"), py::arg("levels"), py::arg("parents"),
      py::arg("valid_from"), py::arg("valid_to"), py::arg("source") = "",
      "Every problem of an area list as (message, 1-based data row, field) tuples.");

  m.def(
      "area_id_problem", [](const std::string& id) { return area_id_problem(id); }, py::arg("id"),
      "Why the text is not a valid area id, or '' when it is one (docs/your-data.md).");
  m.def("unit_of_code", &unit_of_code, py::arg("areas"), py::arg("code"), py::arg("year"),
        "The id of the unit holding an official code on 31 December of the year; raises "
        "ChitieuError when none or several do.");
  m.def(
      "area_code_problems",
      [](const panel& obs, const area_table& areas) { return as_tuples(area_code_problems(obs, areas)); },
      py::arg("panel"), py::arg("areas"),
      "Every row of a code-keyed panel whose (code, year) resolves to no unit or to several, as "
      "(message, 1-based row, field) tuples.");
  m.def("resolve_area_codes", &resolve_area_codes, py::arg("panel"), py::arg("areas"),
        "Rewrites a panel keyed by official codes into area ids, each (code, year) resolved to the "
        "unit holding the code on 31 December of the year (in place).");
  m.def(
      "observation_area_problems",
      [](const panel& obs, const area_table& areas) {
        return as_tuples(observation_area_problems(obs, areas));
      },
      py::arg("panel"), py::arg("areas"),
      "Every row whose area is unknown to the table or not a unit of its year, as (message, "
      "1-based row, field) tuples.");

  py::class_<crosswalk>(m, "Crosswalk", "Links from dissolved units to their successors with shares.")
      .def(py::init([](const std::vector<std::string>& froms, const std::vector<std::string>& tos,
                       const std::vector<double>& shares, const std::vector<std::string>& dates,
                       const area_table& areas, const std::string& source) {
             return crosswalk(make_links(froms, tos, shares, dates, source), areas, source);
           }),
           py::arg("froms"), py::arg("tos"), py::arg("shares"), py::arg("dates"), py::arg("areas"),
           py::arg("source") = "",
           "Builds and validates the crosswalk against an AreaTable (shares of one unit sum to 1, "
           "no cycles, known areas).")
      .def("__len__", [](const crosswalk& c) { return c.links().size(); })
      .def(
          "successors",
          [](const crosswalk& c, const std::string& from) {
            std::vector<std::tuple<std::string, double, std::string>> out;
            for (const auto& l : c.successors(from)) out.emplace_back(l.to, l.share, l.on.iso());
            return out;
          },
          py::arg("from"), "The links leaving a unit as (to, share, ISO date) tuples.")
      .def(
          "resolve",
          [](const crosswalk& c, const std::string& id, const area_table& areas, const std::string& d) {
            return c.resolve(id, areas, parse_date(d));
          },
          py::arg("id"), py::arg("areas"), py::arg("date"),
          "The units valid on the ISO date that the area ends up in, with their shares.");

  m.def(
      "crosswalk_problems",
      [](const std::vector<std::string>& froms, const std::vector<std::string>& tos,
         const std::vector<double>& shares, const std::vector<std::string>& dates, const area_table& areas,
         const std::string& source) {
        return as_tuples(crosswalk_problems(make_links(froms, tos, shares, dates, source), areas, source));
      },
      py::arg("froms"), py::arg("tos"), py::arg("shares"), py::arg("dates"), py::arg("areas"),
      py::arg("source") = "", "Every problem of a crosswalk as (message, 1-based data row, field) tuples.");

  m.def(
      "reexpress",
      [](const plan& p, const panel& obs, const area_table& areas, const crosswalk& cw,
         const std::string& at) { return reexpress(p, obs, areas, cw, parse_date(at)); },
      py::arg("plan"), py::arg("panel"), py::arg("areas"), py::arg("crosswalk"), py::arg("date"),
      "Re-expresses every year on the units valid on the ISO date (docs/aggregation.md).");

  m.def(
      "roll_up",
      [](const plan& p, const panel& obs, const area_table& areas,
         const std::optional<std::string>& geography, unsigned threads) {
        roll_up_options options;
        if (geography) options.geography = parse_date(*geography);
        options.threads = threads;
        roll_up_result res;
        {
          py::gil_scoped_release release;
          res = roll_up(p, obs, areas, options);
        }
        return py::make_tuple(std::move(res.rows), findings_list(res.findings));
      },
      py::arg("plan"), py::arg("panel"), py::arg("areas"), py::arg("geography") = py::none(),
      py::arg("threads") = 0,
      "Rolls values up the area hierarchy by each indicator's rule: (Panel, findings as dicts); "
      "threads share the rows (0: the machine's; the result does not depend on it).");

  m.def(
      "summarize",
      [](const plan& p, const evaluation& ev, const std::string& area, std::optional<int> year,
         bool geometric) {
        return summary_dict(summarize(p, ev, area, summary_options{year, geometric}));
      },
      py::arg("plan"), py::arg("evaluation"), py::arg("area"), py::arg("year") = py::none(),
      py::arg("geometric") = false,
      "Counts by status and pace and scores per domain and for the plan, for one area and year "
      "(default: its latest): {plan_id, area, year, geometric, plan: {...}, domains: [...]}.");

  m.def(
      "check_and_complete",
      [](const plan& p, panel& obs) {
        py::gil_scoped_release release;
        check_and_complete(p, obs);
      },
      py::arg("plan"), py::arg("panel"),
      "Checks the panel once (raises ChitieuError for its first problem, the message counting "
      "the rest) and fills ratio values in place; pass checked=True to review() afterwards.");

  m.def(
      "review",
      [](const plan& p, panel& obs, const area_table* areas, const crosswalk* cw,
         const std::optional<std::string>& geography, std::optional<int> year, const std::string& method,
         std::optional<int> baseline_year, std::optional<int> target_year, bool consume, bool checked,
         const py::object& recycle) {
        evaluation none;
        evaluation& recycled = recycle.is_none() ? none : writable_evaluation(recycle, "recycle");
        review_options opt;
        if (areas) opt.with_areas(*areas);
        if (cw) opt.with_crosswalk(*cw);
        opt.checked = checked;
        opt.evaluation.method = pace_method_from_string(method);
        opt.evaluation.year = year;
        opt.evaluation.baseline_year = baseline_year;
        opt.evaluation.target_year = target_year;
        if (geography) opt.geography = parse_date(*geography);
        review_result res;
        {
          py::gil_scoped_release release;
          res = consume ? review(p, std::move(obs), opt, std::move(recycled))
                        : review(p, obs, opt, std::move(recycled));
        }
        return py::make_tuple(std::move(res.evaluation), findings_list(res.findings));
      },
      py::arg("plan"), py::arg("panel"), py::arg("areas") = py::none(), py::arg("crosswalk") = py::none(),
      py::arg("geography") = py::none(), py::arg("year") = py::none(), py::arg("method") = "chitieu",
      py::arg("baseline_year") = py::none(), py::arg("target_year") = py::none(), py::kw_only(),
      py::arg("consume") = false, py::arg("checked") = false, py::arg("recycle") = py::none(),
      "The whole review: complete values, check, area validity, geography, roll-up, evaluate. "
      "Returns (Evaluation, findings as dicts). consume=True moves the panel's columns into the "
      "review (no copy; the Panel is left empty); checked=True skips the check of a panel that "
      "has passed check_and_complete(); recycle=an earlier Evaluation (left empty) whose memory the "
      "new one reuses, refused while arrays of it are alive.");
}

}  // namespace chitieu::python
