#pragma once
// Byte offsets -> 1-based line and column (columns in Unicode code points, as editors count).
#include <cstddef>
#include <string_view>
#include <vector>

namespace flyguard::util {

struct Position {
  int line = 1;
  int column = 1;
};

class LineIndex {
 public:
  // Lines end at "\n", "\r\n" or a lone "\r", like Flyway's reader and most editors.
  explicit LineIndex(std::string_view text);

  Position position_of(std::size_t byte_offset) const;
  // The text of a 1-based line, without its terminator.
  std::string_view line_text(int line) const;
  // Byte offset reached by advancing `code_points` characters from `from`.
  std::size_t advance_code_points(std::size_t from, std::size_t code_points) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace flyguard::util
