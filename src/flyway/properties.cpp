// Java .properties parsing (flyway.conf, <migration>.conf) and the per-script config keys.
#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>

#include "flyway/settings.h"
#include "flyway/settings_internal.h"

namespace flyguard::flyway {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

std::string_view trim_view(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && (is_blank(text[begin]) || text[begin] == '\r')) ++begin;
  while (end > begin && (is_blank(text[end - 1]) || text[end - 1] == '\r')) --end;
  return text.substr(begin, end - begin);
}

// A natural line continues when it ends in an odd number of backslashes (an even number is escaped
// backslashes), as java.util.Properties decides.
bool continues(std::string_view line) {
  std::size_t count = 0;
  while (count < line.size() && line[line.size() - 1 - count] == '\\') ++count;
  return count % 2 == 1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<std::uint32_t> hex4(std::string_view text, std::size_t pos) {
  if (pos + 4 > text.size()) return std::nullopt;
  std::uint32_t value = 0;
  for (std::size_t i = pos; i < pos + 4; ++i) {
    const char c = text[i];
    std::uint32_t digit = 0;
    if (c >= '0' && c <= '9') digit = static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') digit = static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') digit = static_cast<std::uint32_t>(c - 'A' + 10);
    else return std::nullopt;
    value = value * 16 + digit;
  }
  return value;
}

// Decodes a \uXXXX escape starting at text[pos] == 'u'; returns the number of bytes consumed after
// the backslash. Java strings are UTF-16, so a surrogate pair written as two escapes is one code point.
std::size_t decode_unicode(std::string_view text, std::size_t pos, std::string& out) {
  const auto unit = hex4(text, pos + 1);
  if (!unit) {
    out += 'u';  // Java would throw "Malformed \uxxxx encoding"; keeping the text loses nothing
    return 1;
  }
  if (*unit >= 0xD800 && *unit <= 0xDBFF && text.substr(pos + 5, 2) == "\\u") {
    const auto low = hex4(text, pos + 7);
    if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
      append_utf8(out, 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00));
      return 11;
    }
  }
  const bool lone_surrogate = *unit >= 0xD800 && *unit <= 0xDFFF;
  append_utf8(out, lone_surrogate ? 0xFFFD : *unit);
  return 5;
}

std::string unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      if (text[i] != '\\') out += text[i];
      continue;
    }
    const char next = text[i + 1];
    switch (next) {
      case 't': out += '\t'; ++i; break;
      case 'n': out += '\n'; ++i; break;
      case 'r': out += '\r'; ++i; break;
      case 'f': out += '\f'; ++i; break;
      case 'u': i += decode_unicode(text, i + 1, out); break;
      default: out += next; ++i; break;
    }
  }
  return out;
}

// Splits a logical line into its raw (still escaped) key and value.
std::pair<std::string_view, std::string_view> split_key_value(std::string_view line) {
  std::size_t pos = 0;
  while (pos < line.size()) {
    const char c = line[pos];
    if (c == '\\') {
      pos += 2;
      continue;
    }
    if (c == '=' || c == ':' || is_blank(c)) break;
    ++pos;
  }
  pos = std::min(pos, line.size());
  const std::string_view key = line.substr(0, pos);
  while (pos < line.size() && is_blank(line[pos])) ++pos;
  if (pos < line.size() && (line[pos] == '=' || line[pos] == ':')) ++pos;
  while (pos < line.size() && is_blank(line[pos])) ++pos;
  return {key, line.substr(pos)};
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool is_comment(std::string_view trimmed) {
  return !trimmed.empty() && (trimmed.front() == '#' || trimmed.front() == '!');
}

}  // namespace

std::map<std::string, std::pair<std::string, int>> parse_properties(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // editors on Windows add a BOM
  std::map<std::string, std::pair<std::string, int>> result;
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view first = trim_view(lines[i]);
    if (first.empty() || is_comment(first)) continue;
    const int line_number = static_cast<int>(i) + 1;
    // Flyway trims every line before loading, so trailing blanks never reach a value.
    std::string logical(first);
    while (continues(logical) && i + 1 < lines.size()) {
      logical.pop_back();
      logical += trim_view(lines[++i]);
    }
    if (continues(logical)) logical.pop_back();
    const auto [raw_key, raw_value] = split_key_value(logical);
    result[unescape(raw_key)] = {unescape(raw_value), line_number};
  }
  return result;
}

ScriptConfig parse_script_config(std::string_view text, const std::string& file_name,
                                 std::vector<SettingsProblem>& problems) {
  ScriptConfig config;
  // Problems come out in file order, not key order, so they read top to bottom.
  std::vector<std::tuple<int, std::string, std::string>> entries;
  for (auto& [key, entry] : parse_properties(text)) entries.emplace_back(entry.second, key, entry.first);
  std::sort(entries.begin(), entries.end());
  for (const auto& [line, key, value] : entries) {
    if (key == "executeInTransaction" || key == "placeholderReplacement") {
      const auto flag = parse_bool(value);
      if (!flag) {
        problems.push_back({file_name, line,
                            "Invalid value for " + key + " (should be either true or false): " + value});
        continue;
      }
      (key == "executeInTransaction" ? config.execute_in_transaction : config.placeholder_replacement) = flag;
    } else if (key == "encoding") {
      config.encoding = value;
    } else if (key == "shouldExecute") {
      // A Teams-edition expression evaluated at deploy time; nothing to check statically.
    } else {
      problems.push_back({file_name, line,
                          "Unknown configuration property: " + key + ". Please check your script config files"});
    }
  }
  return config;
}

}  // namespace flyguard::flyway
