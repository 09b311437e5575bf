// Reading plan files (TOML, docs/plan-format.md): every key checked for name, type and value,
// every problem located by file, line, column and key path.
#include <chitieu/phrase.hpp>
#include <chitieu/plan_fields.hpp>
#include <chitieu/plan_file.hpp>
#include <chitieu/plan_validate.hpp>

#include "detail/plan_ids.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace chitieu {

namespace {

/// A position in the file: 1-based line and column.
struct position {
  long line = 0;    ///< line
  long column = 0;  ///< column
};

position where(const toml::source_region& r) {
  return {static_cast<long>(r.begin.line), static_cast<long>(r.begin.column)};
}

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::none: break;
  }
  return "nothing";
}

std::string join(const std::vector<const char*>& names) {
  std::string out;
  for (const char* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

/// Reads one document into a plan, collecting every problem instead of stopping at the first.
class reader {
 public:
  explicit reader(std::string file) : file_(std::move(file)) {}

  /// All problems: reading problems, then validation problems of entities that read cleanly.
  std::vector<error> run(std::string_view text, plan* out) {
    toml::table doc;
    try {
      doc = toml::parse(text, file_);
    } catch (const toml::parse_error& e) {
      const position pos = where(e.source());
      // No key can be named; the message avoids a leading "word: " that reads as a field.
      problems_.emplace_back(
          "TOML syntax error at column " + std::to_string(pos.column) + " — " + std::string(e.description()),
          file_, pos.line, std::string{}, pos.column);
      return problems_;
    }
    plan p;
    read_document(doc, p);
    validate_read(p);
    if (out && problems_.empty()) *out = std::move(p);
    return problems_;
  }

 private:
  // ---- problems and positions -------------------------------------------------------------
  /// Records a problem; unless `harmless` (an unknown key: the plan read is unaffected), the
  /// entity and field are marked so that validation does not report their consequences.
  void fail(position pos, const std::string& entity, const std::string& field, const std::string& msg,
            bool harmless = false) {
    problems_.emplace_back("column " + std::to_string(pos.column) + ": " + msg, file_, pos.line, field,
                           pos.column);
    if (harmless) return;
    bad_entities_.insert(entity);
    bad_fields_.insert(field);
  }
  /// Records where a field (or an entity's table) is, once per occurrence in file order.
  void remember(const std::string& field, position pos) { positions_[field].push_back(pos); }
  /// Where the latest occurrence of a field is (line 0 when it was not remembered).
  position latest(const std::string& field) const {
    const auto it = positions_.find(field);
    return it == positions_.end() ? position{} : it->second.back();
  }

  /// Checks a table's keys against the allowed names; unknown keys are problems.
  void check_keys(const toml::table& t, const std::string& path, const std::string& entity,
                  const std::vector<const char*>& allowed) {
    for (auto&& [k, v] : t) {
      bool ok = false;
      for (const char* a : allowed) ok = ok || k.str() == a;
      if (!ok)
        fail(where(k.source()), entity,
             path.empty() ? std::string(k.str()) : path + "." + std::string(k.str()),
             "unknown key '" + std::string(k.str()) + "'; valid keys" + (path.empty() ? "" : " in " + path) +
                 ": " + join(allowed),
             true);
    }
  }

  /// A key's node, or a "missing key" problem when required and absent.
  const toml::node* get(const toml::table& t, const char* key, const std::string& path,
                        const std::string& entity, bool required, const std::string& hint = {}) {
    const toml::node* n = t.get(key);
    if (!n && required)
      fail(where(t.source()), entity, path + "." + key,
           "missing key '" + std::string(key) + "'" + (hint.empty() ? "" : "; " + hint));
    if (n) remember(path + "." + key, where(n->source()));
    return n;
  }

  void wrong_type(const toml::node& n, const std::string& field, const std::string& entity,
                  const std::string& expected) {
    fail(where(n.source()), entity, field, "expected " + expected + ", found " + type_name(n));
  }

  std::optional<std::string> string_at(const toml::table& t, const char* key, const std::string& path,
                                       const std::string& entity, bool required,
                                       const std::string& hint = {}) {
    const toml::node* n = get(t, key, path, entity, required, hint);
    if (!n) return std::nullopt;
    if (const auto* s = n->as_string()) return s->get();
    wrong_type(*n, path + "." + key, entity, "a string" + (hint.empty() ? "" : " (" + hint + ")"));
    return std::nullopt;
  }

  std::optional<int> year_at(const toml::table& t, const char* key, const std::string& path,
                             const std::string& entity, bool required) {
    const toml::node* n = get(t, key, path, entity, required, "a year such as 2030");
    if (!n) return std::nullopt;
    return year_of(*n, path + "." + key, entity);
  }

  std::optional<int> year_of(const toml::node& n, const std::string& field, const std::string& entity) {
    const auto* i = n.as_integer();
    if (!i) {
      wrong_type(n, field, entity, "an integer year such as 2030");
      return std::nullopt;
    }
    const std::int64_t y = i->get();
    if (y < 1000 || y > 9999) {
      fail(where(n.source()), entity, field,
           "year " + std::to_string(y) + " is not a year between 1000 and 9999");
      return std::nullopt;
    }
    return static_cast<int>(y);
  }

  std::optional<double> number_at(const toml::table& t, const char* key, const std::string& path,
                                  const std::string& entity) {
    const toml::node* n = get(t, key, path, entity, false);
    if (!n) return std::nullopt;
    if (const auto* f = n->as_floating_point()) return f->get();
    if (const auto* i = n->as_integer()) return static_cast<double>(i->get());
    wrong_type(*n, path + "." + key, entity, "a number");
    return std::nullopt;
  }

  std::optional<bool> bool_at(const toml::table& t, const char* key, const std::string& path,
                              const std::string& entity) {
    const toml::node* n = get(t, key, path, entity, false);
    if (!n) return std::nullopt;
    if (const auto* b = n->as_boolean()) return b->get();
    wrong_type(*n, path + "." + key, entity, "true or false");
    return std::nullopt;
  }

  localized localized_at(const toml::table& t, const char* key, const std::string& path,
                         const std::string& entity, bool required) {
    localized out;
    const toml::node* n = get(t, key, path, entity, required, "a table { vi = \"…\", en = \"…\" }");
    if (!n) return out;
    const std::string field = path + "." + key;
    const auto* tbl = n->as_table();
    if (!tbl) {
      wrong_type(*n, field, entity, "a table { vi = \"…\", en = \"…\" }");
      return out;
    }
    check_keys(*tbl, field, entity, {"vi", "en"});
    if (auto vi = string_at(*tbl, "vi", field, entity, true, "the Vietnamese text")) out.vi = *vi;
    if (auto en = string_at(*tbl, "en", field, entity, true, "the English text")) out.en = *en;
    return out;
  }

  /// Reads a string key naming a value of enum E (one of the names of its enum_table).
  template <class E>
  std::optional<E> enum_at(const toml::table& t, const char* key, const std::string& path,
                           const std::string& entity, bool required) {
    std::string valid;
    for (const auto& row : enum_table<E>::entries)
      valid += (valid.empty() ? "" : ", ") + std::string(row.name);
    auto s = string_at(t, key, path, entity, required, "one of " + valid);
    if (!s) return std::nullopt;
    for (const auto& row : enum_table<E>::entries)
      if (row.name == *s) return row.value;
    fail(latest(path + "." + key), entity, path + "." + key,
         "'" + *s + "' is not a valid " + key + "; expected one of " + valid);
    return std::nullopt;
  }

  // ---- the document -----------------------------------------------------------------------
  void read_document(const toml::table& doc, plan& p) {
    check_keys(doc, "", "schema", {"schema", "plan", "domains", "indicators"});
    const toml::node* schema = doc.get("schema");
    if (!schema) {
      fail({1, 1}, "schema", "schema", "missing key 'schema'; a plan file starts with schema = 1");
    } else if (const auto* v = schema->as_integer(); !v || v->get() != 1) {
      fail(where(schema->source()), "schema", "schema",
           "unsupported schema; this version of chitieu reads schema = 1");
    }

    if (const toml::node* n = doc.get("plan")) {
      if (const auto* t = n->as_table())
        read_plan_table(*t, p);
      else
        wrong_type(*n, "plan", "plan", "a table [plan]");
    } else {
      fail({1, 1}, "plan", "plan", "missing table [plan] with id, title, baseline_year, target_year");
    }

    if (const toml::node* n = doc.get("domains")) {
      remember("domains", where(n->source()));
      read_array(*n, "domains", [&](const toml::table& t, std::size_t k) { read_domain(t, k, p); });
    }
    if (const toml::node* n = doc.get("indicators")) {
      remember("indicators", where(n->source()));
      read_array(*n, "indicators", [&](const toml::table& t, std::size_t k) { read_indicator(t, k, p); });
    } else {
      fail({1, 1}, "indicators", "indicators", "missing [[indicators]]; a plan needs at least one indicator");
    }
  }

  template <class F>
  void read_array(const toml::node& n, const std::string& name, F each) {
    const auto* arr = n.as_array();
    if (!arr) {
      wrong_type(n, name, name, "an array of tables [[" + name + "]]");
      return;
    }
    for (std::size_t k = 0; k < arr->size(); ++k) {
      const toml::node& item = *arr->get(k);
      if (const auto* t = item.as_table())
        each(*t, k);
      else
        wrong_type(item, name + "[" + std::to_string(k) + "]", name, "a table [[" + name + "]]");
    }
  }

  // ---- fields, by the type of their stored value -----------------------------------------
  /// Checks a table's keys against a field table, then reads every field into `e`.
  template <class Fields, class Entity>
  void read_fields(const toml::table& t, const std::string& path, const Fields& fields, Entity& e) {
    std::vector<const char*> keys;
    for_each_field(fields, [&](const field_key& f) { keys.push_back(f.key); });
    check_keys(t, path, path, keys);
    for_each_field(fields, [&](const auto& f) { read_value(t, path, f, f.get(e)); });
  }

  void read_value(const toml::table& t, const std::string& path, const field_key& f, std::string& v) {
    if (f.format == field_format::date) {
      read_date(t, path, f, v);
    } else if (auto s = string_at(t, f.key, path, path, f.required, f.hint)) {
      v = *s;
    }
  }
  void read_value(const toml::table& t, const std::string& path, const field_key& f, localized& v) {
    v = localized_at(t, f.key, path, path, f.required);
  }
  void read_value(const toml::table& t, const std::string& path, const field_key& f, int& v) {
    if (auto y = year_at(t, f.key, path, path, f.required)) v = *y;
  }
  void read_value(const toml::table& t, const std::string& path, const field_key& f, std::optional<int>& v) {
    v = year_at(t, f.key, path, path, f.required);
  }
  void read_value(const toml::table& t, const std::string& path, const field_key& f,
                  std::optional<double>& v) {
    v = number_at(t, f.key, path, path);
  }
  void read_value(const toml::table& t, const std::string& path, const field_key& f, double& v) {
    if (auto x = number_at(t, f.key, path, path)) v = *x;
  }
  void read_value(const toml::table& t, const std::string& path, const field_key& f, bool& v) {
    if (auto b = bool_at(t, f.key, path, path)) v = *b;
  }
  template <class E, if_enum_table<E> = 0>
  void read_value(const toml::table& t, const std::string& path, const field_key& f, E& v) {
    if (auto e = enum_at<E>(t, f.key, path, path, f.required)) v = *e;
  }
  template <class E, if_enum_table<E> = 0>
  void read_value(const toml::table& t, const std::string& path, const field_key& f, std::optional<E>& v) {
    v = enum_at<E>(t, f.key, path, path, f.required);
  }

  void read_date(const toml::table& t, const std::string& path, const field_key& f, std::string& v) {
    const toml::node* n = get(t, f.key, path, path, f.required);
    if (!n) return;
    if (const auto* d = n->as_date()) {
      std::ostringstream iso;
      iso << d->get();
      v = iso.str();
    } else {
      wrong_type(*n, path + "." + f.key, path, f.hint);
    }
  }

  void read_value(const toml::table& t, const std::string& path, const field_key& f,
                  std::optional<std::pair<int, int>>& v) {
    const toml::node* n = get(t, f.key, path, path, f.required);
    if (!n) return;
    const std::string field = path + "." + f.key;
    const auto* arr = n->as_array();
    if (!arr || arr->size() != 2) {
      fail(where(n->source()), path, field, "expected [from, to], two integer years such as [2026, 2030]");
      return;
    }
    auto from = year_of(*arr->get(0), field, path);
    auto to = year_of(*arr->get(1), field, path);
    if (from && to) v = std::make_pair(*from, *to);
  }

  void read_value(const toml::table& t, const std::string& path, const field_key& f,
                  std::vector<std::string>& v) {
    const toml::node* n = get(t, f.key, path, path, f.required);
    if (!n) return;
    const std::string field = path + "." + f.key;
    const auto* arr = n->as_array();
    if (!arr) {
      wrong_type(*n, field, path, "an array of " + std::string(f.hint) + "s");
      return;
    }
    for (const auto& item : *arr) {
      if (const auto* s = item.as_string())
        v.push_back(s->get());
      else
        wrong_type(item, field, path, "a " + std::string(f.hint));
    }
  }

  // ---- entities ---------------------------------------------------------------------------
  void read_plan_table(const toml::table& t, plan& p) {
    remember("plan", where(t.source()));
    read_fields(t, "plan", plan_fields, p);
  }

  /// "domains[<id>]" when the table has a valid id, else "domains[<index>]".
  static std::string entity_name(const toml::table& t, const std::string& array, std::size_t k) {
    if (const auto* id = t.get_as<std::string>("id"); id && detail::is_valid_id(id->get()))
      return array + "[" + id->get() + "]";
    return array + "[" + std::to_string(k) + "]";
  }

  void read_domain(const toml::table& t, std::size_t k, plan& p) {
    const std::string path = entity_name(t, "domains", k);
    remember(path, where(t.source()));
    domain d;
    read_fields(t, path, domain_fields, d);
    p.domains.push_back(std::move(d));
  }

  void read_indicator(const toml::table& t, std::size_t k, plan& p) {
    const std::string path = entity_name(t, "indicators", k);
    remember(path, where(t.source()));
    indicator i;
    read_fields(t, path, indicator_fields, i);
    // The phrase is read with the direction and tolerance: only when those read cleanly.
    const toml::node* phrase = t.get("target");
    if (phrase && phrase->is_string() && !bad_fields_.count(path + ".direction") &&
        !bad_fields_.count(path + ".tolerance"))
      read_target(*phrase, path, i);
    p.indicators.push_back(std::move(i));
  }

  /// Parses the phrase into i.target, which holds the direction, tolerance, period and
  /// aspirational read from the keys: the phrase's period must agree with the key's, and the key
  /// and a "phấn đấu" phrase both make the indicator aspirational.
  void read_target(const toml::node& n, const std::string& path, indicator& i) {
    const position pos = where(n.source());
    const target keys = i.target;
    try {
      i.target = parse_target(i.target_phrase, keys.dir, keys.tolerance);
    } catch (const phrase_error& e) {
      // The phrase starts one column after the opening quote; positions count code points.
      const long column = pos.column + 1 + static_cast<long>(e.position());
      fail({pos.line, column}, path, path + ".target", e.message());
      return;
    } catch (const error& e) {
      const std::string key = e.field() == "tolerance" ? ".tolerance" : ".target";
      fail(positions_.count(path + key) ? latest(path + key) : pos, path, path + key, e.message());
      return;
    }
    i.target.aspirational = i.target.aspirational || keys.aspirational;
    if (!keys.period) return;
    if (i.target.period && *i.target.period != *keys.period) {
      const auto text = [](const std::pair<int, int>& y) {
        return "[" + std::to_string(y.first) + ", " + std::to_string(y.second) + "]";
      };
      fail(latest(path + ".period"), path, path + ".period",
           "period " + text(*keys.period) + " contradicts the phrase's period " + text(*i.target.period) +
               "; remove the key or make it agree");
      return;
    }
    i.target.period = keys.period;
  }

  // ---- validation -------------------------------------------------------------------------
  /// True when a validation problem only repeats the consequence of a reading problem already
  /// reported: a key that could not be read, an indicator read in part, a reference into
  /// unreadable domains or indicators, or anything measured against unreadable plan years.
  bool follows_from_reported(const std::string& field) const {
    auto any_bad = [this](const char* prefix) {
      return std::any_of(bad_entities_.begin(), bad_entities_.end(),
                         [prefix](const std::string& e) { return e.rfind(prefix, 0) == 0; });
    };
    const std::string entity = field.substr(0, field.find('.'));
    const std::string key = field.substr(field.rfind('.') + 1);
    const bool plan_bad = bad_fields_.count("plan") > 0;  // no readable [plan] table
    const bool years_bad =
        plan_bad || bad_fields_.count("plan.baseline_year") || bad_fields_.count("plan.target_year");
    if (bad_fields_.count(field)) return true;
    if (entity == "plan") return plan_bad || (key == "baseline_year" && years_bad);
    if (years_bad || bad_entities_.count(entity)) return true;
    // An entity without a readable id was named by its index while reading.
    const auto open = entity.find('[');
    const bool unnamed =
        open != std::string::npos && !detail::is_valid_id(entity.substr(open + 1, entity.size() - open - 2));
    if (unnamed && any_bad(entity.rfind("domains", 0) == 0 ? "domains" : "indicators")) return true;
    return (key == "domain" && any_bad("domains")) || (key == "part_of" && any_bad("indicators"));
  }

  /// Adds the validation problems of the plan read, located at their key (else their table).
  /// Two domains or indicators with one id share their field names; plan_problems() reports the
  /// later one's repeated id (its related_line the first one's entry) at its id before that
  /// entity's other problems, so from that report on the entity's problems take the positions of
  /// its next occurrence in the file.
  void validate_read(const plan& p) {
    std::map<std::string, std::size_t> occurrence;  // per entity: which of its tables is meant
    const auto at = [&](const std::string& key, std::size_t k) -> std::optional<position> {
      const auto it = positions_.find(key);
      if (it == positions_.end()) return std::nullopt;
      return it->second[std::min(k, it->second.size() - 1)];
    };
    for (const error& e : plan_problems(p)) {
      const std::string& field = e.field();
      const std::string entity = field.substr(0, field.find('.'));
      if (field == entity + ".id" && e.related_line() > 0) ++occurrence[entity];  // a repeated id
      if (follows_from_reported(field)) continue;
      const std::size_t k = occurrence.count(entity) ? occurrence[entity] : 0;
      position pos;
      if (const auto f = at(field, k))
        pos = *f;
      else if (const auto t = at(entity, k))
        pos = *t;
      problems_.emplace_back(
          (pos.line > 0 ? "column " + std::to_string(pos.column) + ": " : std::string{}) + e.message(), file_,
          pos.line, field, pos.column, e.related_line());
    }
  }

  std::string file_;
  std::vector<error> problems_;
  std::set<std::string> bad_entities_;
  std::set<std::string> bad_fields_;
  std::map<std::string, std::vector<position>> positions_;
};

}  // namespace

std::vector<error> plan_file_problems(std::string_view toml_text, const std::string& source_name) {
  return reader(source_name).run(toml_text, nullptr);
}

plan parse_plan(std::string_view toml_text, const std::string& source_name) {
  plan p;
  const auto problems = reader(source_name).run(toml_text, &p);
  throw_first_problem(problems);
  return p;
}

plan read_plan(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error("cannot open the plan file; give the path of a readable .toml file", path);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_plan(text.str(), path);
}

}  // namespace chitieu
