#include "git/alternates.h"

namespace flyguard::git {

namespace {

bool is_octal(char c) { return c >= '0' && c <= '7'; }

// Reads a C-quoted string starting after its opening quote; returns the position after the closing quote.
std::size_t unquote(std::string_view value, std::size_t i, std::string& out) {
  while (i < value.size() && value[i] != '"') {
    char c = value[i++];
    if (c != '\\' || i >= value.size()) { out += c; continue; }
    char e = value[i++];
    switch (e) {
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      default:
        if (is_octal(e) && i + 1 < value.size() && is_octal(value[i]) && is_octal(value[i + 1])) {
          out += static_cast<char>(((e - '0') << 6) | ((value[i] - '0') << 3) | (value[i + 1] - '0'));
          i += 2;
        } else {
          out += e;  // \" and \\ and anything else stand for themselves
        }
    }
  }
  return i < value.size() ? i + 1 : i;
}

}  // namespace

std::vector<std::string> split_alternates(std::string_view value) {
  std::vector<std::string> entries;
  std::size_t i = 0;
  while (i < value.size()) {
    std::string entry;
    if (value[i] == '"') {
      i = unquote(value, i + 1, entry);
      while (i < value.size() && value[i] != ':') entry += value[i++];
    } else {
      while (i < value.size() && value[i] != ':') entry += value[i++];
    }
    if (!entry.empty()) entries.push_back(std::move(entry));
    if (i < value.size()) ++i;  // the ':' separator
  }
  return entries;
}

}  // namespace flyguard::git
