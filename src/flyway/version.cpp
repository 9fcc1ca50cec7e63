#include "flyway/version.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace flyguard::flyway {
namespace {

// Values Flyway gives its special versions. LATEST also answers to Long.MAX_VALUE written out,
// because Flyway compares the text with LATEST.getVersion().
constexpr std::string_view kLatestDisplay = "<< Latest Version >>";
constexpr std::string_view kCurrentDisplay = "<< Current Version >>";
constexpr std::string_view kNextDisplay = "<< Next Version >>";
constexpr std::string_view kLongMaxValue = "9223372036854775807";
constexpr std::string_view kInvalidMessage = "Version may only contain 0..9 and . (dot). Invalid version: ";

// Zero of every run of ten decimal digits (Unicode category Nd) in the Basic Multilingual Plane.
// Java's BigInteger accepts these through Character.digit; digits outside the BMP are surrogate pairs
// in Java, which Character.digit rejects, so they are not listed.
constexpr std::array<char32_t, 37> kDigitZeros = {
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10};

// Decimal value of a code point, or -1 when it is not a decimal digit.
int digit_value(char32_t cp) {
  for (const char32_t zero : kDigitZeros) {
    if (cp >= zero && cp < zero + 10) return static_cast<int>(cp - zero);
  }
  return -1;
}

// Decodes the UTF-8 code point at `pos` and advances `pos`. Malformed input yields U+FFFD, which is
// no digit, so a malformed version is rejected like any other non-digit.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos++]);
  if (lead < 0x80) return lead;
  int extra = 0;
  char32_t cp = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    extra = 1;
    cp = lead & 0x1FU;
  } else if ((lead & 0xF0U) == 0xE0U) {
    extra = 2;
    cp = lead & 0x0FU;
  } else if ((lead & 0xF8U) == 0xF0U) {
    extra = 3;
    cp = lead & 0x07U;
  } else {
    return 0xFFFD;
  }
  for (int i = 0; i < extra; ++i) {
    if (pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0U) != 0x80U) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos++]) & 0x3FU);
  }
  return cp;
}

// One part parsed as Java's BigInteger(String) does: an optional '+' or '-' at the start, then one or
// more decimal digits. Returns false when Java would throw NumberFormatException.
struct ParsedPart {
  std::string value;  // canonical: ASCII digits, no leading zeros, '-' only when non-zero
  bool has_sign = false;
  bool non_ascii = false;
};

bool parse_big_integer(std::string_view text, ParsedPart& out) {
  bool negative = false;
  std::size_t pos = 0;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    out.has_sign = true;
    pos = 1;
  }
  if (pos == text.size()) return false;  // no digits at all ("", "+", "-")
  std::string digits;
  while (pos < text.size()) {
    const char32_t cp = next_code_point(text, pos);
    const int value = digit_value(cp);
    if (value < 0) return false;
    if (cp >= 0x80) out.non_ascii = true;
    if (!(digits.empty() && value == 0)) digits.push_back(static_cast<char>('0' + value));
  }
  if (digits.empty()) digits = "0";
  out.value = (negative && digits != "0") ? "-" + digits : digits;
  return true;
}

// Splits at every '.' that is followed by an ASCII digit (Java's \d without UNICODE_CHARACTER_CLASS).
// A split at the very start keeps the empty leading part, as Pattern.split does.
std::vector<std::string_view> split_version(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '.' && text[i + 1] >= '0' && text[i + 1] <= '9') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

// Java's equalsIgnoreCase against a word of lower-case ASCII letters. Besides ASCII letters,
// U+017F (long s) upper-cases to 'S' and U+0131 (dotless i) to 'I', so Java treats them as equal too.
bool java_equals_ignore_case(std::string_view text, std::string_view lower_word) {
  std::size_t pos = 0;
  for (const char expected : lower_word) {
    if (pos >= text.size()) return false;
    const char32_t cp = next_code_point(text, pos);
    const bool same = (cp < 0x80 && static_cast<char>(cp | 0x20U) == expected) ||
                      (cp == 0x017F && expected == 's') || (cp == 0x0131 && expected == 'i');
    if (!same) return false;
  }
  return pos == text.size();
}

// Numeric comparison of two canonical signed decimal strings.
std::strong_ordering compare_decimal(std::string_view a, std::string_view b) {
  const bool a_negative = a.starts_with('-');
  const bool b_negative = b.starts_with('-');
  if (a_negative != b_negative) return a_negative ? std::strong_ordering::less : std::strong_ordering::greater;
  if (a_negative) return compare_decimal(b.substr(1), a.substr(1));
  if (a.size() != b.size()) return a.size() <=> b.size();
  const int c = a.compare(b);
  return c < 0 ? std::strong_ordering::less : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

// Adds one to a canonical signed decimal string.
std::string increment_decimal(const std::string& value) {
  if (value.starts_with('-')) {
    // -n + 1 = -(n - 1); n >= 1 because "-0" is never canonical.
    std::string magnitude = value.substr(1);
    std::size_t i = magnitude.size();
    while (i > 0 && magnitude[i - 1] == '0') magnitude[--i] = '9';
    --magnitude[i - 1];
    const auto first = magnitude.find_first_not_of('0');
    return first == std::string::npos ? "0" : "-" + magnitude.substr(first);
  }
  std::string result = value;
  std::size_t i = result.size();
  while (i > 0 && result[i - 1] == '9') result[--i] = '0';
  if (i == 0) return "1" + result;
  ++result[i - 1];
  return result;
}

}  // namespace

std::optional<MigrationVersion> MigrationVersion::parse(std::string_view text, std::string* error) {
  MigrationVersion version;
  if (java_equals_ignore_case(text, "current")) {
    version.display_ = kCurrentDisplay;
    version.special_ = true;
    version.special_rank_ = -1;  // below every version
    return version;
  }
  if (java_equals_ignore_case(text, "next")) {
    // Flyway's own order is inconsistent here (v.compareTo(NEXT) < 0 for every ordinary v, while
    // NEXT.compareTo(v) compares -3 with v); we keep the first reading: above all, below LATEST.
    version.display_ = kNextDisplay;
    version.special_ = true;
    version.special_rank_ = 1;
    return version;
  }
  if (java_equals_ignore_case(text, "latest") || text == kLongMaxValue) {
    version.display_ = kLatestDisplay;
    version.special_ = true;
    version.special_rank_ = 2;  // above every version
    return version;
  }
  version.display_ = std::string(text);
  std::replace(version.display_.begin(), version.display_.end(), '_', '.');
  for (const std::string_view part_text : split_version(version.display_)) {
    ParsedPart part;
    if (!parse_big_integer(part_text, part)) {
      if (error != nullptr) *error = std::string(kInvalidMessage) + version.display_;
      return std::nullopt;
    }
    version.has_sign_ = version.has_sign_ || part.has_sign;
    version.non_ascii_digits_ = version.non_ascii_digits_ || part.non_ascii;
    version.parts_.push_back(std::move(part.value));
  }
  // Trailing zero parts do not count (1 = 1.0 = 1.0.0); the first part always stays.
  while (version.parts_.size() > 1 && version.parts_.back() == "0") version.parts_.pop_back();
  return version;
}

std::strong_ordering MigrationVersion::operator<=>(const MigrationVersion& other) const {
  // CURRENT, NEXT and LATEST are only equal to themselves; CURRENT sits below every ordinary version,
  // NEXT and then LATEST above.
  if (special_rank_ != 0 || other.special_rank_ != 0) {
    if (special_rank_ == other.special_rank_) return std::strong_ordering::equal;
    return special_rank_ < other.special_rank_ ? std::strong_ordering::less : std::strong_ordering::greater;
  }
  const std::size_t count = std::max(parts_.size(), other.parts_.size());
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view mine = i < parts_.size() ? std::string_view(parts_[i]) : "0";
    const std::string_view theirs = i < other.parts_.size() ? std::string_view(other.parts_[i]) : "0";
    const auto order = compare_decimal(mine, theirs);
    if (order != 0) return order;
  }
  return std::strong_ordering::equal;
}

std::string suggest_next_version(const MigrationVersion& highest) {
  // A special version has no sensible successor; callers show no suggestion then.
  if (highest.is_special()) return {};
  const std::string& display = highest.display();
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < display.size(); ++i) {
    if (display[i] == '.' && display[i + 1] >= '0' && display[i + 1] <= '9') start = i + 1;
  }
  ParsedPart last;
  if (!parse_big_integer(std::string_view(display).substr(start), last)) return {};
  std::string next = increment_decimal(last.value);
  // Keep the width the author chose (001 -> 002), counting digits rather than bytes.
  std::size_t width = 0;
  for (std::size_t pos = start; pos < display.size();) {
    if (digit_value(next_code_point(display, pos)) >= 0) ++width;
  }
  if (!next.starts_with('-') && next.size() < width) next.insert(0, width - next.size(), '0');
  return display.substr(0, start) + next;
}

}  // namespace flyguard::flyway
