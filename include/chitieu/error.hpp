/// @file error.hpp
/// @brief chitieu's exception type: an input error that names where it happened.
#pragma once

#include <chitieu/export.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace chitieu {

/// An input error naming where it happened as data: the file, line (or row), column and field it
/// concerns and the line of a related item (the earlier row it repeats, the whole a part
/// exceeds); each may be empty or 0. Callers decide by these fields, never by the message text.
/// Derives from std::invalid_argument, so it maps to Python's ValueError.
class CHITIEU_API error : public std::invalid_argument {
 public:
  /// Builds the error; what() reads "file:line: field: message" with empty parts left out (the
  /// column and the related line are data only: messages that need them say them in words).
  error(std::string message, std::string file = {}, long line = 0, std::string field = {}, long column = 0,
        long related_line = 0)
      : std::invalid_argument(compose(message, file, line, field)),
        message_(std::move(message)),
        file_(std::move(file)),
        line_(line),
        field_(std::move(field)),
        column_(column),
        related_line_(related_line) {}

  /// The message without the location prefix.
  const std::string& message() const noexcept { return message_; }
  /// The file concerned, or empty.
  const std::string& file() const noexcept { return file_; }
  /// The 1-based line (or row) concerned, or 0.
  long line() const noexcept { return line_; }
  /// The field, key or column concerned, or empty.
  const std::string& field() const noexcept { return field_; }
  /// The 1-based column (in a text file, counted in code points) concerned, or 0.
  long column() const noexcept { return column_; }
  /// The 1-based line, row or entry of a related item (the earlier row a duplicate repeats, the
  /// whole a part exceeds, the first entity with a repeated id), or 0.
  long related_line() const noexcept { return related_line_; }

 private:
  static std::string compose(const std::string& message, const std::string& file, long line,
                             const std::string& field) {
    std::string out;
    if (!file.empty()) out += file;
    if (line > 0) out += (out.empty() ? "line " : ":") + std::to_string(line);
    if (!field.empty()) out += (out.empty() ? "" : ": ") + field;
    if (!out.empty()) out += ": ";
    return out + message;
  }

  std::string message_;
  std::string file_;
  long line_;
  std::string field_;
  long column_;
  long related_line_;
};

/// Throws the first of `problems` (collect mode's list), its message noting how many more there
/// are; does nothing when the list is empty.
inline void throw_first_problem(const std::vector<error>& problems) {
  if (problems.empty()) return;
  const error& e = problems.front();
  std::string msg = e.message();
  if (problems.size() > 1)
    msg += " (and " + std::to_string(problems.size() - 1) + " more problem" +
           (problems.size() > 2 ? "s" : "") + ")";
  throw error(msg, e.file(), e.line(), e.field(), e.column(), e.related_line());
}

}  // namespace chitieu
