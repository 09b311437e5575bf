// parse_target: the target-phrase grammar (docs/phrase-grammar.md).
#include "phrase_change.hpp"
#include "phrase_text.hpp"

#include <cmath>
#include <initializer_list>

namespace chitieu {

namespace {

using detail::change_form;
using detail::number_token;
using detail::phrase_cursor;

enum class side { lower, upper };

/// A comparator word or symbol and the bound it sets.
struct comparator_word {
  std::u32string_view pattern;
  side bound;
  bool inclusive;
};

// Longer patterns first where one is a prefix of another (">=" before ">").
// clang-format off
constexpr comparator_word comparators[] = {
    {U"tối thiểu", side::lower, true}, {U"ít nhất", side::lower, true},
    {U"không dưới", side::lower, true}, {U"trên", side::lower, false},
    {U"tối đa", side::upper, true},    {U"không quá", side::upper, true},
    {U"dưới", side::upper, false},     {U"at least", side::lower, true},
    {U"above", side::lower, false},    {U"at most", side::upper, true},
    {U"below", side::upper, false},    {U">=", side::lower, true},
    {U"≥", side::lower, true},         {U">", side::lower, false},
    {U"<=", side::upper, true},        {U"≤", side::upper, true},
    {U"<", side::upper, false}};
// clang-format on

/// A verb that sets the direction. `level`: it may precede a level ("giảm còn 1,2%");
/// `change`: it may precede a change ("tăng 5% so với năm 2020", "giảm bình quân 1%/năm").
struct verb_word {
  std::u32string_view pattern;
  direction dir;
  bool level;
  bool change;
};

// Longer patterns first ("giảm xuống còn" before "giảm xuống" before "giảm").
// clang-format off
constexpr verb_word verbs[] = {
    {U"giảm xuống còn", direction::lower, true, false}, {U"giảm xuống", direction::lower, true, false},
    {U"giảm còn", direction::lower, true, false},       {U"xuống còn", direction::lower, true, false},
    {U"hạ xuống còn", direction::lower, true, false},   {U"hạ xuống", direction::lower, true, false},
    {U"giảm", direction::lower, true, true},            {U"tăng lên", direction::higher, true, false},
    {U"nâng lên", direction::higher, true, false},      {U"nâng", direction::higher, true, false},
    {U"tăng", direction::higher, false, true},          {U"increase", direction::higher, false, true},
    {U"decrease", direction::lower, false, true}};
// clang-format on

// Keywords that end a free-noun unit (or the base words after %): a unit never swallows the
// grammar ("2,5 trên" is garbage, not the unit "trên"); some start the next part of the phrase.
// clang-format off
constexpr std::u32string_view unit_stop_words[] = {
    U"đến",       U"to",         U"trở lên",   U"trở xuống", U"so với",    U"the",
    U"trên",      U"dưới",       U"tối thiểu", U"tối đa",    U"ít nhất",   U"không dưới",
    U"không quá", U"khoảng",     U"từ",        U"đạt",       U"tăng",      U"gấp",
    U"giai đoạn", U"hoàn thành", U"duy trì",   U"định tính", U"phấn đấu",  U"above",
    U"below",     U"at least",   U"at most",   U"about",     U"from",      U"total over",
    U"strive for", U"giảm",      U"xuống còn", U"hạ xuống",  U"nâng",      U"bình quân",
    U"mỗi năm",   U"hằng năm",   U"hàng năm",  U"per year",  U"on the",    U"on average",
    U"increase",  U"decrease"};
// clang-format on

// Words after a yearly rate ("7% mỗi năm"), or before its number ("giảm hằng năm 1,5%").
constexpr std::u32string_view per_year_words[] = {U"mỗi năm", U"hằng năm", U"hàng năm", U"per year"};

const std::string forms =
    "a number, a comparator (trên, dưới, tối thiểu, tối đa, ít nhất, không dưới, không quá, "
    ">, >=, ≥, <, <=, ≤), a verb (giảm, giảm còn, giảm xuống, xuống còn, hạ xuống, tăng lên, "
    "nâng lên, nâng), khoảng/≈/~, từ … đến …, a - b, tăng|giảm X% so với năm Y, tăng|giảm bình "
    "quân X%/năm, giai đoạn A - B: x, hoàn thành, duy trì or định tính";
const std::string lower_words = "trên, tối thiểu, ít nhất, không dưới, từ … trở lên, >, >=, ≥";
const std::string upper_words = "dưới, tối đa, không quá, từ … trở xuống, <, <=, ≤";
const std::string change_forms =
    "… lần so với năm Y, tăng|giảm X% so với năm Y or tăng|giảm bình quân X%/năm";

/// What stands before the last number: a comparator, "khoảng", a range, or nothing.
enum class shape { bare, compare, approx, range };

/// The unit after a number, normalised, and where it stood.
struct unit_token {
  std::string text;
  std::size_t at;
};

/// The numeric part of a phrase as read, before direction and kind give it an interval.
struct quantity {
  shape form = shape::bare;
  side bound = side::lower;       // compare: which bound the comparator sets
  bool inclusive = true;          // compare: whether it includes the number
  std::size_t cmp_at = 0;         // compare, approx: where the comparator (or khoảng) stood
  std::string cmp_written;        // compare, approx: the comparator (or khoảng) as written
  number_token a{};               // the (first) number
  std::optional<number_token> b;  // range: the second number
  std::optional<unit_token> unit;
};

/// A verb as read, and where it stood.
struct verb_token {
  const verb_word* word = nullptr;
  std::size_t at = 0;
  std::string written;
};

class parser {
 public:
  parser(std::string_view phrase, std::optional<direction> dir, std::optional<double> tolerance)
      : text_(detail::normalise_phrase(phrase, "target")), c_(text_, "target"), given_(dir), tol_(tolerance) {
    t_.text = std::string(phrase);
    t_.dir = dir.value_or(direction::none);
  }

  target parse() {
    if (c_.at_end()) c_.fail(c_.pos(), "a target phrase: " + forms);
    if (c_.accept(U"phấn đấu") || c_.accept(U"phần đầu") || c_.accept(U"phân đầu") ||
        c_.accept(U"strive for")) {
      t_.aspirational = true;
      if (c_.at_end()) c_.fail(c_.pos(), "a target after \"phấn đấu\": " + forms);
    }
    if (accept_any({U"hoàn thành", U"completed"})) return boolean_kind(target_kind::milestone);
    if (accept_any({U"định tính", U"qualitative"})) return boolean_kind(target_kind::qualitative);
    if (accept_any({U"duy trì", U"sustained"})) {
      c_.accept(U"ở mức");
      c_.accept(U"đạt");
      if (kept_rate()) {
      } else if (!starts_bound()) {
        return free_sustained();
      } else {
        sustained();
      }
    } else {
      c_.accept(U"đạt");
      c_.skip_space();
      const std::size_t at = c_.pos();
      if (accept_any({U"giai đoạn", U"total over"}))
        cumulative(at);
      else
        measured();
    }
    if (!c_.at_end()) c_.fail(c_.pos(), "the end of the phrase " + after_);
    if (tol_ && !approx_)
      throw error("a tolerance applies only to an approximate target (khoảng x, ≈ x, ~x), not to \"" +
                      text_.nfc + "\" (" + std::string(to_string(t_.kind)) + "); remove it",
                  {}, 0, "tolerance");
    return t_;
  }

 private:
  bool accept_any(std::initializer_list<std::u32string_view> patterns) {
    for (auto p : patterns)
      if (c_.accept(p)) return true;
    return false;
  }

  target boolean_kind(target_kind k) {
    // What follows the keyword is free description ("hoàn thành phổ cập … từ 3 đến 5 tuổi").
    t_.kind = k;
    if (tol_)
      throw error("a tolerance applies only to an approximate target, not to a " + std::string(to_string(k)) +
                      " (\"" + text_.nfc + "\"); remove it",
                  {}, 0, "tolerance");
    return t_;
  }

  // "duy trì" and a description: the boolean kind. A number in the description would be a bound
  // dropped unread, so it is refused (the bound goes right after "duy trì").
  target free_sustained() {
    for (std::size_t p = c_.pos(); p < text_.folded.size(); ++p)
      if (detail::is_digit(text_.folded[p]))
        c_.fail(p,
                "the bound right after \"duy trì\" (duy trì 100%, duy trì từ 95% trở lên, duy trì "
                "dưới 5%) or a description without numbers");
    return boolean_kind(target_kind::sustained);
  }

  // "duy trì mức giảm 1 - 1,5%/năm": keeping up a yearly rate is that rate (annual_change).
  bool kept_rate() {
    c_.skip_space();
    const std::size_t at = c_.pos();
    if (!c_.accept(U"mức")) return false;
    const std::size_t verb_at = c_.pos();
    if (!accept_any({U"giảm", U"tăng"})) {
      c_.seek(at);
      return false;
    }
    c_.seek(verb_at);
    measured();
    if (t_.kind != target_kind::annual_change)
      c_.fail(at, "a yearly rate after \"duy trì mức\" (duy trì mức giảm 1 - 1,5%/năm)");
    return true;
  }

  // True when a bound follows (a comparator, khoảng, từ or a number); the position is kept.
  bool starts_bound() {
    const std::size_t save = c_.pos();
    bool found = accept_any({U"khoảng", U"about", U"≈", U"~", U"từ", U"from"});
    for (const auto& cw : comparators) found = found || c_.accept(cw.pattern);
    found = found || c_.accept_number().has_value();
    c_.seek(save);
    return found;
  }

  // "duy trì 100%", "duy trì từ 95% trở lên", "duy trì dưới 5%": sustained with a bound.
  void sustained() {
    const quantity q = read_quantity();
    take_unit(q);
    if (q.form == shape::approx)
      c_.fail(q.cmp_at,
              "a bound or a range after \"duy trì\" (duy trì 100%, duy trì từ 95% trở lên, "
              "duy trì khoảng 45-50%): a value held about x is not a bound");
    check_percent(q);
    level(q, verb_token{});
    t_.kind = target_kind::sustained;
  }

  number_token need_number(const std::string& what) {
    if (auto n = c_.accept_number()) return *n;
    c_.fail(c_.pos(), what);
  }

  int need_year(const std::string& what) {
    c_.skip_space();
    const std::size_t at = c_.pos();
    const std::u32string& s = text_.folded;
    std::size_t p = at;
    int year = 0;
    for (; p < s.size() && detail::is_digit(s[p]); ++p)  // more than 4 digits is refused below:
      if (p - at < 4) year = year * 10 + static_cast<int>(s[p] - U'0');  // never overflows
    if (p - at != 4 || year < 1000 || (p < s.size() && (detail::is_letter(s[p]) || detail::is_digit(s[p]))))
      c_.fail(at, what + " (four digits, 1000 to 9999)");
    c_.seek(p);
    return year;
  }

  // A unit after a number: %, %/năm, ‰, m²/người, free nouns, optionally /10.000 dân or /1.000 dân.
  std::optional<unit_token> read_unit() {
    c_.skip_space();
    const std::size_t at = c_.pos();
    if (c_.accept(U"%")) {
      const std::size_t save = c_.pos();
      if (c_.accept(U"/") && accept_any({U"năm", U"year"})) return unit_token{"%/năm", at};
      c_.seek(save);
      // letter-only words naming the base ("trên 45% dân số") are description, not unit
      while (next_unit_word()) {}
      return unit_token{"%", at};
    }
    if (c_.accept(U"‰")) return unit_token{"‰", at};
    if (c_.accept(U"m²") || c_.accept(U"m2")) {
      const std::size_t save = c_.pos();
      if (c_.accept(U"/") && c_.accept(U"người")) return unit_token{"m²/người", at};
      c_.seek(save);
      return unit_token{"m²", at};
    }
    std::u32string words;
    while (auto w = next_unit_word()) words += (words.empty() ? U"" : U" ") + *w;
    const std::size_t save = c_.pos();
    if (c_.accept(U"/")) {
      const auto n = c_.accept_number();
      if (n && n->value == 10000.0 && c_.accept(U"dân"))
        return unit_token{detail::to_utf8(words) + "/10.000 dân", at};
      if (n && n->value == 1000.0 && c_.accept(U"dân"))
        return unit_token{detail::to_utf8(words) + "/1.000 dân", at};
      c_.seek(save);
      if (!words.empty() && c_.accept(U"/") && c_.accept(U"năm"))
        return unit_token{detail::to_utf8(words) + "/năm", at};
      c_.seek(save);
    }
    if (words.empty()) return std::nullopt;
    return unit_token{detail::to_utf8(words), at};
  }

  std::optional<std::u32string> next_unit_word() {
    const std::size_t save = c_.pos();
    for (auto stop : unit_stop_words)
      if (c_.accept(stop)) {
        c_.seek(save);
        return std::nullopt;
      }
    return c_.accept_letters();
  }

  bool accept_range_separator() { return accept_any({U"đến", U"to", U"..", U"-", U"–"}); }

  bool accept_per_year() {
    for (auto w : per_year_words)
      if (c_.accept(w)) return true;
    return false;
  }

  // After a first number (and its unit): a second one, checked to be the same unit and not lower.
  void read_range_end(quantity& q) {
    q.form = shape::range;
    q.b = need_number("the second number of the range");
    const auto second_unit = read_unit();
    if (q.unit && second_unit && second_unit->text != q.unit->text)
      c_.fail(second_unit->at, "the same unit as after the first number (\"" + q.unit->text + "\")");
    if (second_unit) q.unit = second_unit;
    if (q.b->value < q.a.value)
      c_.fail(q.b->begin,
              "a number not below " + c_.word_at(q.a.begin) + " (a range is written from low to high)");
  }

  quantity read_quantity() {
    quantity q;
    c_.skip_space();
    const std::size_t at = c_.pos();
    for (const auto& cw : comparators)
      if (c_.accept(cw.pattern)) {
        q.form = shape::compare;
        q.bound = cw.bound;
        q.inclusive = cw.inclusive;
        q.cmp_at = at;
        q.cmp_written = written(at, c_.pos());
        c_.accept(U"đạt");
        q.a = need_number("a number after \"" + q.cmp_written + "\"");
        q.unit = read_unit();
        return q;
      }
    if (accept_any({U"khoảng", U"about", U"≈", U"~"})) {
      // "khoảng x" is a band around x; "khoảng a-b", "khoảng từ a đến b" the range [a, b]
      q.form = shape::approx;
      q.cmp_at = at;
      q.cmp_written = written(at, c_.pos());
      const bool from = accept_any({U"từ", U"from"});
      q.a = need_number("a number after \"" + c_.word_at(at) + "\"");
      q.unit = read_unit();
      if (accept_range_separator())
        read_range_end(q);
      else if (from)
        c_.fail(c_.pos(), "\"đến\" and a second number after \"khoảng từ\" and a number");
      return q;
    }
    const bool from = accept_any({U"từ", U"from"});
    q.a = need_number(from ? "a number after \"" + c_.word_at(at) + "\"" : forms);
    q.unit = read_unit();
    c_.skip_space();
    const std::size_t tail_at = c_.pos();
    const bool up = c_.accept(U"trở lên");
    if (up || c_.accept(U"trở xuống")) {
      q.form = shape::compare;
      q.bound = up ? side::lower : side::upper;
      q.inclusive = true;
      q.cmp_at = tail_at;
      q.cmp_written = written(tail_at, c_.pos());
    } else if (accept_range_separator()) {
      read_range_end(q);
    } else if (from) {
      c_.fail(tail_at,
              "\"đến\" and a second number, or \"trở lên\" / \"trở xuống\", after \"từ\" and a number");
    }
    return q;
  }

  // The phrase's own characters in [from, to), white-space runs written as one space.
  std::string written(std::size_t from, std::size_t to) const {
    std::u32string out;
    for (std::size_t p = from; p < to; ++p) {
      const bool space = detail::is_space(text_.chars[p]);
      if (!space)
        out += text_.chars[p];
      else if (out.empty() || out.back() != U' ')
        out += U' ';
    }
    return detail::to_utf8(out);
  }

  void check_percent(const quantity& q) const {
    if (!q.unit || q.unit->text != "%") return;
    for (const number_token* n : {&q.a, q.b ? &*q.b : nullptr})
      if (n && (n->value < 0.0 || n->value > 100.0)) c_.fail(n->begin, "a percentage in [0, 100]");
  }

  // The quantity's unit becomes the target's.
  void take_unit(const quantity& q) {
    t_.unit = q.unit ? q.unit->text : std::string();
    after_ = q.unit ? "after the unit" : "after the number (or a unit)";
  }

  verb_token read_verb() {
    c_.skip_space();
    verb_token v;
    v.at = c_.pos();
    for (const auto& w : verbs)
      if (c_.accept(w.pattern)) {
        v.word = &w;
        v.written = written(v.at, c_.pos());
        break;
      }
    return v;
  }

  void measured() {
    const verb_token verb = read_verb();
    c_.skip_space();
    const std::size_t times_at = c_.pos();
    const bool times = c_.accept(U"gấp");  // "gấp" or "tăng gấp": only before … lần so với năm Y
    const bool average = accept_any({U"bình quân", U"on average"});
    bool yearly = accept_per_year();
    c_.accept(U"đạt");
    quantity q = read_quantity();
    yearly = accept_per_year() || yearly || (q.unit && q.unit->text == "%/năm");
    if (yearly && q.unit && q.unit->text == "%") q.unit->text = "%/năm";
    take_unit(q);
    if (times && !(t_.unit == "lần" || t_.unit == "times"))
      c_.fail(times_at,
              "a comparator or a number: \"gấp\" is read only in a relative target (… lần "
              "so với năm Y)");
    if (average || (yearly && verb.word)) return change(q, verb, change_form::annual);
    c_.skip_space();
    const std::size_t base_at = c_.pos();
    if (accept_any({U"so với năm", U"so với"})) {
      t_.base_year = need_year("the base year after \"so với năm\"");
      after_ = "after the base year";
      if (t_.unit == "%") return change(q, verb, change_form::relative_percent);
      if (t_.unit != "lần")
        c_.fail(base_at,
                "the end of the phrase after the unit: \"so với năm Y\" follows only \"lần\" "
                "(a ratio) or \"%\" after tăng or giảm (a change)");
      return ratio(q, verb, times);
    }
    if (t_.unit == "%" && c_.accept(U"on the")) {
      t_.base_year = need_year("the base year after \"on the\"");
      if (!c_.accept(U"level")) c_.fail(c_.pos(), "\"level\" after the base year");
      after_ = "after the base year";
      return change(q, verb, change_form::relative_percent);
    }
    if (t_.unit == "times" && c_.accept(U"the")) {
      t_.base_year = need_year("the base year after \"times the\"");
      if (!c_.accept(U"level")) c_.fail(c_.pos(), "\"level\" after the base year");
      t_.unit = "lần";
      after_ = "after the base year";
      return ratio(q, verb, times);
    }
    if (verb.word && !verb.word->level)
      c_.fail(verb.at, "a comparator or a number: \"" + verb.written +
                           "\" is read only in a change "
                           "target (" +
                           change_forms + ")");
    check_percent(q);
    level(q, verb);
  }

  // "tăng từ 2,0 đến 2,6 lần so với năm 2020": a bound on value(t)/value(Y).
  void ratio(const quantity& q, const verb_token& verb, bool times) {
    if (verb.word && verb.word->dir != direction::higher)
      c_.fail(verb.at, "tăng, gấp or a comparator before a ratio (… lần so với năm Y): \"" + verb.written +
                           "\" does not make a ratio; write \"giảm X% so với năm Y\"");
    level(q, verb, times ? std::optional<direction>(direction::higher) : std::nullopt);
    t_.kind = target_kind::relative;
  }

  // A level, a ratio or a bounded sustained target: the verb (or "gấp", `times_dir`) or the
  // comparator implies the direction.
  void level(const quantity& q, const verb_token& verb, std::optional<direction> times_dir = std::nullopt) {
    std::optional<direction> implied = times_dir;
    if (verb.word) {
      implied = verb.word->dir;
      check_verb(verb);
    }
    if (q.form == shape::compare) {
      const direction says = q.bound == side::lower ? direction::higher : direction::lower;
      if (implied && *implied != says)
        c_.fail(q.cmp_at, "a comparator that agrees with \"" + (verb.word ? verb.written : "gấp") + "\" (" +
                              (says == direction::higher ? upper_words : lower_words) +
                              "), a range or a bare number: \"" + q.cmp_written + "\" sets " +
                              (says == direction::higher ? "a lower" : "an upper") + " bound");
      implied = says;
    }
    settle_direction(implied);
    apply(q, implied);
  }

  // "tăng|giảm [bình quân] X% so với năm Y | X%/năm": bounds on the change's size, mapped to the
  // target's bounds by change_bound (a decrease turns a floor on the size into a ceiling).
  void change(const quantity& q, const verb_token& verb, change_form form) {
    const bool annual = form == change_form::annual;
    if (!verb.word || !verb.word->change)
      c_.fail(
          verb.word ? verb.at : q.a.begin,
          std::string("tăng or giảm before ") + (annual ? "a yearly rate (tăng bình quân 7%/năm)"
                                                        : "a change in percent (tăng 5% so với năm 2020)"));
    if (annual && t_.unit != "%/năm")
      c_.fail(q.unit ? q.unit->at : c_.pos(),
              "a yearly rate in percent: \"%/năm\", \"% mỗi năm\" or \"% hằng năm\"");
    if (q.form == shape::approx)
      c_.fail(q.cmp_at,
              "a bound or a range on the change (tối thiểu x, trên x, x, a - b, khoảng a - b): "
              "\"" +
                  q.cmp_written + " x\" has no sense as a change");
    if (q.form == shape::compare && q.bound == side::upper)
      c_.fail(q.cmp_at, "a floor on the size of the change (" + lower_words +
                            "), a range or a bare "
                            "number: \"" +
                            q.cmp_written + "\" caps it, which contradicts \"" + verb.written + "\"");
    const bool increase = verb.word->dir == direction::higher;
    for (const number_token* n : {&q.a, q.b ? &*q.b : nullptr}) {
      if (!n) continue;
      if (n->value < 0.0) c_.fail(n->begin, "a size of change ≥ 0 (the verb gives its sign)");
      if (!annual && !increase && n->value > 100.0) c_.fail(n->begin, "a decrease of at most 100%");
    }
    check_verb(verb);
    settle_direction(verb.word->dir);
    const auto bound = [&](double x) { return detail::change_bound(form, increase, x); };
    t_.kind = annual ? target_kind::annual_change : target_kind::relative;
    if (q.form == shape::range) {
      t_.lower = bound(increase ? q.a.value : q.b->value);
      t_.upper = bound(increase ? q.b->value : q.a.value);
      return;
    }
    const bool inclusive = q.form == shape::bare || q.inclusive;
    t_.value = bound(q.a.value);
    (increase ? t_.lower : t_.upper) = t_.value;
    (increase ? t_.lower_inclusive : t_.upper_inclusive) = inclusive;
  }

  // A verb must agree with a given direction higher or lower (none accepts either).
  void check_verb(const verb_token& verb) const {
    if (!given_ || *given_ == direction::none || verb.word->dir == *given_) return;
    const bool higher = *given_ == direction::higher;
    c_.fail(verb.at, std::string("a verb that agrees with direction ") + (higher ? "higher" : "lower") +
                         (higher ? " (tăng, tăng lên, nâng lên, nâng)"
                                 : " (giảm, giảm còn, giảm xuống, xuống còn, hạ xuống)") +
                         ", or none: \"" + verb.written + "\" says " + (higher ? "lower" : "higher") +
                         " values are better");
  }

  // The target's direction: the given one, else the one the words imply, else none.
  void settle_direction(std::optional<direction> implied) {
    t_.dir = given_ ? *given_ : implied.value_or(direction::none);
  }

  // `verb_dir`: the sense a verb gives a bare number when the direction is none or not given.
  void apply(const quantity& q, std::optional<direction> verb_dir) {
    const double x = q.a.value;
    switch (q.form) {
      case shape::compare: {
        if (q.bound == side::lower && t_.dir == direction::lower)
          c_.fail(q.cmp_at, "a comparator that agrees with direction lower (" + upper_words +
                                "), a range or a bare number: \"" + q.cmp_written +
                                "\" sets a lower bound, but lower values are better");
        if (q.bound == side::upper && t_.dir == direction::higher)
          c_.fail(q.cmp_at, "a comparator that agrees with direction higher (" + lower_words +
                                "), a range or a bare number: \"" + q.cmp_written +
                                "\" sets an upper bound, but higher values are better");
        set_bound(q.bound, x, q.inclusive);
        break;
      }
      case shape::bare: {
        const direction sense = t_.dir != direction::none ? t_.dir : verb_dir.value_or(direction::none);
        if (sense == direction::none && given_)
          c_.fail(q.a.begin, "a comparator (" + lower_words + "; " + upper_words +
                                 ") or a range: with direction none a bare number has no sense");
        if (sense == direction::none)
          c_.fail(q.a.begin, "a comparator (" + lower_words + "; " + upper_words +
                                 "), a verb (giảm còn, tăng lên, …), a range, or the indicator's "
                                 "direction (higher or lower): a bare number has no sense without one");
        set_bound(sense == direction::higher ? side::lower : side::upper, x, true);
        break;
      }
      case shape::approx: {
        t_.kind = target_kind::approx;
        approx_ = true;
        const double half = tol_ ? *tol_ : std::fabs(x) / 100.0;
        t_.lower = x - half;
        t_.upper = x + half;
        t_.value = x;
        t_.tolerance = tol_;
        break;
      }
      case shape::range:
        t_.kind = target_kind::range;
        t_.lower = x;
        t_.upper = q.b->value;
        break;
    }
  }

  void set_bound(side s, double x, bool inclusive) {
    t_.kind = target_kind::threshold;
    t_.value = x;
    if (s == side::lower) {
      t_.lower = x;
      t_.lower_inclusive = inclusive;
    } else {
      t_.upper = x;
      t_.upper_inclusive = inclusive;
    }
  }

  void cumulative(std::size_t at) {
    if (given_ == direction::lower)
      c_.fail(at,
              "a threshold or a range: a cumulative target (giai đoạn A - B: x) is a floor "
              "on the sum over the period, which contradicts direction lower");
    t_.dir = given_.value_or(direction::higher);
    const int from = need_year("the first year of the period");
    if (!accept_range_separator()) c_.fail(c_.pos(), "\"-\" and the last year of the period");
    c_.skip_space();
    const std::size_t to_at = c_.pos();
    const int to = need_year("the last year of the period");
    if (to < from)
      c_.fail(to_at, "a year not before " + std::to_string(from) +
                         " (a period is written from its first to its last year)");
    if (!c_.accept(U":")) c_.fail(c_.pos(), "\":\" and the total after the period");
    c_.accept(U"đạt");
    quantity q;
    q.a = need_number("the total over the period");
    q.unit = read_unit();
    check_percent(q);
    t_.kind = target_kind::cumulative;
    t_.lower = q.a.value;
    t_.value = q.a.value;
    t_.period = std::make_pair(from, to);
    t_.unit = q.unit ? q.unit->text : std::string();
    after_ = q.unit ? "after the unit" : "after the total (or a unit)";
  }

  detail::phrase_text text_;
  phrase_cursor c_;
  std::optional<direction> given_;  // the direction given by the caller, if any
  std::optional<double> tol_;
  target t_;
  std::string after_;    // where the phrase should have ended, for the trailing-garbage message
  bool approx_ = false;  // read as khoảng/≈/~ (the only form a tolerance applies to)
};

}  // namespace

target parse_target(std::string_view phrase, std::optional<direction> dir, std::optional<double> tolerance) {
  if (tolerance && !(std::isfinite(*tolerance) && *tolerance >= 0.0))
    throw error("tolerance " + std::to_string(*tolerance) +
                    " is not a finite number >= 0; give the half-width of the approx band",
                {}, 0, "tolerance");
  return parser(phrase, dir, tolerance).parse();
}

}  // namespace chitieu
