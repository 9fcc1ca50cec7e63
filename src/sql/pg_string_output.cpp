// A faster appendStringInfo for libpg_query's JSON output. Linked in place of libpg_query's own with
// -Wl,--wrap=appendStringInfo (cmake/Dependencies.cmake).
//
// libpg_query prints every parse tree as JSON through PostgreSQL's appendStringInfo, whose printf
// engine (pg_vsnprintf) interprets the format string on every call: about 300 instructions a call and a
// fifth of flyguard's whole run over a corpus (docs/performance.md). Nearly all of its formats are a
// literal ("\"relname\":") or a literal with one %d, %s or %c. This version copies literals and converts
// those directly, into the same buffer with the same growth (libpg_query's enlargeStringInfo); any other
// format goes to libpg_query's own formatter, exactly as the original appendStringInfo does.
#include "sql/pg_string_output.h"

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdarg>
#include <cstring>

using flyguard::sql::PgStringInfo;

// The name --wrap gives the replacement (reserved, by the linker's convention).
extern "C" void __wrap_appendStringInfo(PgStringInfo* str, const char* fmt, ...);  // NOLINT

namespace {

std::atomic<bool> fast_output_enabled{true};

void append_bytes(PgStringInfo* str, const char* bytes, std::size_t count) {
  if (count == 0) return;
  const int n = static_cast<int>(count);
  if (str->len + n >= str->maxlen) enlargeStringInfo(str, n);
  std::memcpy(str->data + str->len, bytes, count);
  str->len += n;
  str->data[str->len] = '\0';
}

// Appends `fmt` with its %d, %s, %c and %% converted as pg_vsnprintf would. Returns false, having appended
// nothing, when `fmt` holds any other conversion.
bool append_simple(PgStringInfo* str, const char* fmt, va_list args) {
  const int start = str->len;
  for (const char* literal = fmt;;) {
    const char* percent = strchrnul(literal, '%');
    append_bytes(str, literal, static_cast<std::size_t>(percent - literal));
    if (*percent == '\0') return true;
    literal = percent + 2;
    switch (percent[1]) {
      case 'd': {
        char digits[16];
        const auto end = std::to_chars(digits, digits + sizeof digits, va_arg(args, int)).ptr;
        append_bytes(str, digits, static_cast<std::size_t>(end - digits));
        break;
      }
      case 's': {
        const char* text = va_arg(args, const char*);
        if (text == nullptr) text = "(null)";  // pg_vsnprintf's substitute
        append_bytes(str, text, std::strlen(text));
        break;
      }
      case 'c': {
        const char c = static_cast<char>(va_arg(args, int));
        append_bytes(str, &c, 1);
        break;
      }
      case '%': append_bytes(str, "%", 1); break;
      default:
        str->len = start;
        str->data[start] = '\0';
        return false;
    }
  }
}

}  // namespace

void flyguard::sql::set_fast_json_output(bool enabled) { fast_output_enabled.store(enabled); }

extern "C" void __wrap_appendStringInfo(PgStringInfo* str, const char* fmt, ...) {
  if (fast_output_enabled.load(std::memory_order_relaxed)) {
    va_list args;
    va_start(args, fmt);
    const bool done = append_simple(str, fmt, args);
    va_end(args);
    if (done) return;
  }
  // PostgreSQL's appendStringInfo: format, and when the buffer was too small, grow it and format again.
  const int saved_errno = errno;
  for (;;) {
    errno = saved_errno;
    va_list args;
    va_start(args, fmt);
    const int needed = appendStringInfoVA(str, fmt, args);
    va_end(args);
    if (needed == 0) break;
    enlargeStringInfo(str, needed);
  }
}
