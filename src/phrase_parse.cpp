// parse_target: the target-phrase grammar (docs/phrase-grammar.md).
#include "phrase_text.hpp"

#include <cmath>
#include <initializer_list>

namespace chitieu {

namespace {

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

// Keywords that end a free-noun unit (or the base words after %): a unit never swallows the
// grammar ("2,5 trên" is garbage, not the unit "trên"); some start the next part of the phrase.
constexpr std::u32string_view unit_stop_words[] = {
    U"đến",      U"to",        U"trở lên",    U"trở xuống", U"so với",   U"the",
    U"trên",     U"dưới",      U"tối thiểu",  U"tối đa",    U"ít nhất",  U"không dưới",
    U"không quá", U"khoảng",   U"từ",         U"đạt",       U"tăng",     U"gấp",
    U"giai đoạn", U"hoàn thành", U"duy trì",  U"định tính", U"phấn đấu", U"above",
    U"below",    U"at least",  U"at most",    U"about",     U"from",     U"total over",
    U"strive for"};

const std::string forms =
    "a number, a comparator (trên, dưới, tối thiểu, tối đa, ít nhất, không dưới, không quá, "
    ">, >=, ≥, <, <=, ≤), khoảng/≈/~, từ … đến …, a - b, giai đoạn A - B: x, hoàn thành, "
    "duy trì or định tính";
const std::string lower_words = "trên, tối thiểu, ít nhất, không dưới, từ … trở lên, >, >=, ≥";
const std::string upper_words = "dưới, tối đa, không quá, từ … trở xuống, <, <=, ≤";

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
  side bound = side::lower;   // compare: which bound the comparator sets
  bool inclusive = true;      // compare: whether it includes the number
  std::size_t cmp_at = 0;     // compare: where the comparator stood
  std::string cmp_written;    // compare: the comparator as written
  number_token a{};           // the (first) number
  std::optional<number_token> b;  // range: the second number
  std::optional<unit_token> unit;
};

class parser {
 public:
  parser(std::string_view phrase, direction dir, std::optional<double> tolerance)
      : text_(detail::normalise_phrase(phrase, "target")), c_(text_, "target"), tol_(tolerance) {
    t_.text = std::string(phrase);
    t_.dir = dir;
  }

  target parse() {
    if (c_.at_end()) c_.fail(c_.pos(), "a target phrase: " + forms);
    if (c_.accept(U"phấn đấu") || c_.accept(U"phần đầu") || c_.accept(U"phân đầu") ||
        c_.accept(U"strive for")) {
      t_.aspirational = true;
      if (c_.at_end()) c_.fail(c_.pos(), "a target after \"phấn đấu\": " + forms);
    }
    if (accept_any({U"hoàn thành", U"completed"})) return boolean_kind(target_kind::milestone);
    if (accept_any({U"duy trì", U"sustained"})) return boolean_kind(target_kind::sustained);
    if (accept_any({U"định tính", U"qualitative"})) return boolean_kind(target_kind::qualitative);
    c_.accept(U"đạt");
    c_.skip_space();
    const std::size_t at = c_.pos();
    if (accept_any({U"giai đoạn", U"total over"}))
      cumulative(at);
    else
      measured();
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
      throw error("a tolerance applies only to an approximate target, not to a " +
                      std::string(to_string(k)) + " (\"" + text_.nfc + "\"); remove it",
                  {}, 0, "tolerance");
    return t_;
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

  // A unit after a number: %, m²/người, free nouns, optionally /10.000 dân.
  std::optional<unit_token> read_unit() {
    c_.skip_space();
    const std::size_t at = c_.pos();
    if (c_.accept(U"%")) {
      // letter-only words naming the base ("trên 45% dân số") are description, not unit
      while (next_unit_word()) {
      }
      return unit_token{"%", at};
    }
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
      if (n && n->value == 10000.0 && c_.accept(U"dân")) return unit_token{detail::to_utf8(words) + "/10.000 dân", at};
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

  bool accept_range_separator() {
    return accept_any({U"đến", U"to", U"..", U"-", U"–"});
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
      q.form = shape::approx;
      q.a = need_number("a number after \"" + c_.word_at(at) + "\"");
      q.unit = read_unit();
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
      q.form = shape::range;
      q.b = need_number("the second number of the range");
      const auto second_unit = read_unit();
      if (q.unit && second_unit && second_unit->text != q.unit->text)
        c_.fail(second_unit->at, "the same unit as after the first number (\"" + q.unit->text + "\")");
      if (second_unit) q.unit = second_unit;
      if (q.b->value < q.a.value)
        c_.fail(q.b->begin, "a number not below " + c_.word_at(q.a.begin) +
                                " (a range is written from low to high)");
    } else if (from) {
      c_.fail(tail_at, "\"đến\" and a second number, or \"trở lên\" / \"trở xuống\", after \"từ\" and a number");
    }
    return q;
  }

  // The phrase's own characters in [from, to), white-space runs written as one space.
  std::string written(std::size_t from, std::size_t to) const {
    std::u32string out;
    for (std::size_t p = from; p < to; ++p) {
      const bool space = detail::is_space(text_.chars[p]);
      if (!space) out += text_.chars[p];
      else if (out.empty() || out.back() != U' ') out += U' ';
    }
    return detail::to_utf8(out);
  }

  void check_percent(const quantity& q) const {
    if (!q.unit || q.unit->text != "%") return;
    for (const number_token* n : {&q.a, q.b ? &*q.b : nullptr})
      if (n && (n->value < 0.0 || n->value > 100.0))
        c_.fail(n->begin, "a percentage in [0, 100]");
  }

  void measured() {
    c_.skip_space();
    const std::size_t filler_at = c_.pos();
    bool filler = c_.accept(U"tăng");
    filler = c_.accept(U"gấp") || filler;  // "tăng", "gấp" or "tăng gấp"
    c_.accept(U"đạt");
    const quantity q = read_quantity();
    check_percent(q);
    t_.unit = q.unit ? q.unit->text : std::string();
    after_ = q.unit ? "after the unit" : "after the number (or a unit)";
    bool relative = false;
    if (t_.unit == "lần" && (c_.accept(U"so với năm") || c_.accept(U"so với"))) {
      t_.base_year = need_year("the base year after \"so với năm\"");
      relative = true;
    } else if (t_.unit == "times" && c_.accept(U"the")) {
      t_.base_year = need_year("the base year after \"times the\"");
      if (!c_.accept(U"level")) c_.fail(c_.pos(), "\"level\" after the base year");
      t_.unit = "lần";
      relative = true;
    }
    if (relative) after_ = "after the base year";
    if (filler && !relative)
      c_.fail(filler_at, "a comparator or a number: \"" + c_.word_at(filler_at) +
                             "\" is read only in a relative target (… lần so với năm Y)");
    apply(q);
    if (relative) t_.kind = target_kind::relative;
  }

  void apply(const quantity& q) {
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
      case shape::bare:
        if (t_.dir == direction::none)
          c_.fail(q.a.begin, "a comparator (" + lower_words + "; " + upper_words +
                                 ") or a range: with direction none a bare number has no sense");
        set_bound(t_.dir == direction::higher ? side::lower : side::upper, x, true);
        break;
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
    if (t_.dir == direction::lower)
      c_.fail(at, "a threshold or a range: a cumulative target (giai đoạn A - B: x) is a floor "
                  "on the sum over the period, which contradicts direction lower");
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
  std::optional<double> tol_;
  target t_;
  std::string after_;     // where the phrase should have ended, for the trailing-garbage message
  bool approx_ = false;   // read as khoảng/≈/~ (the only form a tolerance applies to)
};

}  // namespace

target parse_target(std::string_view phrase, direction dir, std::optional<double> tolerance) {
  if (tolerance && !(std::isfinite(*tolerance) && *tolerance >= 0.0))
    throw error("tolerance " + std::to_string(*tolerance) +
                    " is not a finite number >= 0; give the half-width of the approx band",
                {}, 0, "tolerance");
  return parser(phrase, dir, tolerance).parse();
}

}  // namespace chitieu
