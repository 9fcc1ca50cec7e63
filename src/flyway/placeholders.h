#pragma once
// Flyway placeholder replacement (${name}), with a map from replaced text back to the original.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace flyguard::flyway {

struct PlaceholderSettings {
  bool enabled = true;
  std::string prefix = "${";
  std::string suffix = "}";
  std::string separator = ":";  // flyway:user
  std::map<std::string, std::string> values;  // keys lower-cased, as Flyway compares them
};

// One placeholder occurrence whose value was not known.
struct MissingPlaceholder {
  std::size_t offset = 0;  // byte offset of the prefix in the original text
  std::string name;        // as written
  bool builtin = false;    // flyway:<x>, whose value depends on the deploy-time connection
};

// Maps byte offsets of the replaced text back to byte offsets of the original text.
class OffsetMap {
 public:
  // Identity map.
  OffsetMap() = default;
  // A replaced span: original [orig_begin, orig_begin+orig_len) became [new_begin, new_begin+new_len).
  void add_replacement(std::size_t orig_begin, std::size_t orig_len, std::size_t new_begin, std::size_t new_len);
  // Offsets inside a replacement map to the start of the placeholder that produced it.
  std::size_t to_original(std::size_t replaced_offset) const;
  bool identity() const { return spans_.empty(); }
  // True when a placeholder value overlaps [begin, end) of the replaced text.
  bool replaced_within(std::size_t begin, std::size_t end) const;

 private:
  struct Span { std::size_t orig_begin, orig_len, new_begin, new_len; };
  std::vector<Span> spans_;  // sorted by new_begin
};

struct Replaced {
  std::string text;
  OffsetMap map;
  std::vector<MissingPlaceholder> missing;  // left in place, unreplaced
};

// Replaces placeholders as Flyway's PlaceholderReplacingReader does: everywhere (comments and
// strings too), names case-insensitive, values not re-scanned, `$${x}` left alone. Unknown names
// are left as written and listed in `missing`.
Replaced replace_placeholders(std::string_view text, const PlaceholderSettings& settings);

}  // namespace flyguard::flyway
