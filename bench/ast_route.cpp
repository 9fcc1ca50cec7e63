// Measures the ways of getting a libpg_query parse tree into C++ on the same files, to choose the
// AST route (docs/parsing.md): JSON parse, protobuf parse, and reading the JSON with simdjson or
// nlohmann. Usage: flyguard_ast_route FILE... (reads every file, parses each whole file N times).
#include <pg_query.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <simdjson.h>
#include <sstream>
#include <string>
#include <vector>

namespace {

double seconds(const std::function<void()>& work) {
  auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    files.push_back(buffer.str());
  }
  std::vector<std::string> trees;
  const int rounds = 5;
  double json = seconds([&] {
    for (int r = 0; r < rounds; ++r)
      for (const std::string& f : files) {
        PgQueryParseResult result = pg_query_parse(f.c_str());
        if (r == 0 && !result.error) trees.emplace_back(result.parse_tree);
        pg_query_free_parse_result(result);
      }
  });
  double protobuf = seconds([&] {
    for (int r = 0; r < rounds; ++r)
      for (const std::string& f : files) pg_query_free_protobuf_parse_result(pg_query_parse_protobuf(f.c_str()));
  });
  simdjson::dom::parser parser;
  std::size_t simd_nodes = 0;
  double simd = seconds([&] {
    for (int r = 0; r < rounds; ++r)
      for (const std::string& t : trees) simd_nodes += parser.parse(t).is_object();
  });
  std::size_t nlohmann_nodes = 0;
  double nlohmann_dom = seconds([&] {
    for (int r = 0; r < rounds; ++r)
      for (const std::string& t : trees) nlohmann_nodes += nlohmann::json::parse(t).size();
  });
  std::printf("files %zu, rounds %d\n", files.size(), rounds);
  std::printf("%-28s %8.3f s  1.00x\n", "pg_query_parse (JSON)", json);
  std::printf("%-28s %8.3f s  %.2fx\n", "pg_query_parse_protobuf", protobuf, protobuf / json);
  std::printf("%-28s %8.3f s  %.2fx\n", "simdjson DOM of the JSON", simd, simd / json);
  std::printf("%-28s %8.3f s  %.2fx\n", "nlohmann DOM of the JSON", nlohmann_dom, nlohmann_dom / json);
  pg_query_exit();
  return simd_nodes == 0 && nlohmann_nodes == 0 && !files.empty() ? 1 : 0;
}
