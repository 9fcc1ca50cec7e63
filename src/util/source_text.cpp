#include "util/source_text.h"

#include <algorithm>

#include "util/utf8.h"

namespace flyguard::util {

namespace {
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }
}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  if (text.find('\r') == std::string_view::npos) {
    // Only '\n' ends lines: memchr finds them much faster than a byte loop.
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
      line_starts_.push_back(i + 1);
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    } else if (text[i] == '\n') {
      line_starts_.push_back(i + 1);
    }
  }
}

Position LineIndex::position_of(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  std::size_t line_index = static_cast<std::size_t>(next_line - line_starts_.begin()) - 1;
  std::size_t line_start = line_starts_[line_index];
  std::size_t column = count_code_points(text_.substr(line_start, byte_offset - line_start)) + 1;
  return Position{static_cast<int>(line_index + 1), static_cast<int>(column)};
}

std::string_view LineIndex::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
  std::size_t begin = line_starts_[static_cast<std::size_t>(line) - 1];
  std::size_t end = static_cast<std::size_t>(line) < line_starts_.size() ? line_starts_[static_cast<std::size_t>(line)]
                                                                          : text_.size();
  std::string_view content = text_.substr(begin, end - begin);
  while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.remove_suffix(1);
  return content;
}

std::size_t LineIndex::advance_code_points(std::size_t from, std::size_t code_points) const {
  std::size_t offset = std::min(from, text_.size());
  while (code_points > 0 && offset < text_.size()) {
    ++offset;
    while (offset < text_.size() && is_continuation_byte(text_[offset])) ++offset;
    --code_points;
  }
  return offset;
}

}  // namespace flyguard::util
