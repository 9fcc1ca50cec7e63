// The floor for linting: read each file and hand it whole to libpg_query's parser, nothing else
// (bench/lint_throughput.py times this process next to flyguard check).
// Usage: flyguard_bare_parse FILE...
#include <pg_query.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  std::size_t failures = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    PgQueryParseResult result = pg_query_parse(text.c_str());
    if (result.error != nullptr) ++failures;
    pg_query_free_parse_result(result);
  }
  std::printf("%d files, %zu did not parse\n", argc - 1, failures);
  return 0;
}
