#include "flyway/placeholders.h"

#include <algorithm>

namespace flyguard::flyway {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// Flyway's reader looks ahead one character at a time while what it has read is a proper beginning of
// the prefix. On a mismatch it hands back everything it read without looking at it again: that is why
// `$${x}` stays as it is (it reads "$$", gives up, and the '{' no longer follows a '$' it will examine).
// Returns how many bytes the look-ahead consumed; `matched` tells whether they are the prefix.
// Working on UTF-8 bytes gives the same result as Java's UTF-16 characters: a mismatch inside a
// multi-byte character leaves only continuation bytes behind, which can never start the prefix.
std::size_t probe_prefix(std::string_view text, std::size_t pos, std::string_view prefix, bool& matched) {
  std::size_t read = 0;
  while (pos + read < text.size()) {
    ++read;
    const bool still_prefix = text[pos + read - 1] == prefix[read - 1];
    if (read >= prefix.size() || !still_prefix) break;
  }
  matched = read == prefix.size() && text.compare(pos, read, prefix) == 0;
  return read;
}

// Removes `count` code points from the end of `text` (Flyway deletes suffix.length() characters from
// an unterminated placeholder at end of input, so `${abc` is looked up as `ab`).
std::string_view drop_code_points(std::string_view text, std::size_t count) {
  std::size_t end = text.size();
  for (std::size_t i = 0; i < count && end > 0; ++i) {
    do {
      --end;
    } while (end > 0 && is_continuation(text[end]));
  }
  return text.substr(0, end);
}

std::size_t code_point_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

// The name after a prefix that starts at `name_begin`, and where the placeholder ends: everything up to
// the first suffix, or to the end of the input when no suffix follows.
struct NameSpan {
  std::string_view name;
  std::size_t end = 0;
};

NameSpan read_name(std::string_view text, std::size_t name_begin, std::string_view suffix) {
  if (suffix.empty()) {
    // Java reads one character before it checks for the (empty) suffix.
    std::size_t end = std::min(name_begin + 1, text.size());
    while (end < text.size() && is_continuation(text[end])) ++end;
    return {text.substr(name_begin, end - name_begin), end};
  }
  const std::size_t suffix_pos = text.find(suffix, name_begin);
  if (suffix_pos != std::string_view::npos) {
    return {text.substr(name_begin, suffix_pos - name_begin), suffix_pos + suffix.size()};
  }
  return {drop_code_points(text.substr(name_begin), code_point_count(suffix)), text.size()};
}

}  // namespace

void OffsetMap::add_replacement(std::size_t orig_begin, std::size_t orig_len, std::size_t new_begin,
                                std::size_t new_len) {
  // Keep spans ordered by new_begin; equal keys stay in insertion order, which is text order.
  const auto at = std::upper_bound(spans_.begin(), spans_.end(), new_begin,
                                   [](std::size_t key, const Span& span) { return key < span.new_begin; });
  spans_.insert(at, Span{orig_begin, orig_len, new_begin, new_len});
}

std::size_t OffsetMap::to_original(std::size_t replaced_offset) const {
  const auto after = std::upper_bound(spans_.begin(), spans_.end(), replaced_offset,
                                      [](std::size_t key, const Span& span) { return key < span.new_begin; });
  if (after == spans_.begin()) return replaced_offset;  // before the first replacement
  const Span& span = *(after - 1);
  const std::size_t new_end = span.new_begin + span.new_len;
  if (replaced_offset < new_end) return span.orig_begin;  // inside a value: blame the placeholder
  return replaced_offset - new_end + span.orig_begin + span.orig_len;
}

bool OffsetMap::replaced_within(std::size_t begin, std::size_t end) const {
  return std::any_of(spans_.begin(), spans_.end(), [&](const Span& span) {
    return span.new_begin < end && span.new_begin + std::max<std::size_t>(span.new_len, 1) > begin;
  });
}

Replaced replace_placeholders(std::string_view text, const PlaceholderSettings& settings) {
  Replaced result;
  // An empty prefix would make Flyway swallow every character; treat it as replacement switched off.
  if (!settings.enabled || settings.prefix.empty()) {
    result.text = std::string(text);
    return result;
  }
  const std::string_view prefix = settings.prefix;
  const std::string builtin_start = "flyway" + settings.separator;
  result.text.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Characters other than the prefix's first one are copied in bulk: the look-ahead stops on them at once.
    const std::size_t candidate = std::min(text.find(prefix.front(), pos), text.size());
    result.text.append(text.substr(pos, candidate - pos));
    pos = candidate;
    if (pos == text.size()) break;
    bool matched = false;
    const std::size_t read = probe_prefix(text, pos, prefix, matched);
    if (!matched) {
      result.text.append(text.substr(pos, read));
      pos += read;
      continue;
    }
    const NameSpan span = read_name(text, pos + prefix.size(), settings.suffix);
    const auto value = settings.values.find(ascii_lower(span.name));
    if (value == settings.values.end()) {
      // Flyway would stop here; we keep the text as written so the rest can still be checked.
      result.missing.push_back({pos, std::string(span.name), span.name.starts_with(builtin_start)});
      result.text.append(text.substr(pos, span.end - pos));
    } else {
      // Values are copied as they are, never scanned for placeholders themselves.
      result.map.add_replacement(pos, span.end - pos, result.text.size(), value->second.size());
      result.text.append(value->second);
    }
    pos = span.end;
  }
  return result;
}

}  // namespace flyguard::flyway
