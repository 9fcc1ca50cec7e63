#include "sql/ast.h"

namespace flyguard::sql {

namespace {
// A wrapped node is an object with exactly one key that starts with an upper-case letter.
bool wrapped(simdjson::dom::element e, std::string_view* key, simdjson::dom::element* inner) {
  if (!e.is_object()) return false;
  simdjson::dom::object object(e);
  if (object.size() != 1) return false;
  auto [k, v] = *object.begin();
  if (k.empty() || k[0] < 'A' || k[0] > 'Z') return false;
  if (key) *key = k;
  if (inner) *inner = v;
  return true;
}
// Parse trees of long statements nest deeply; the default simdjson limit (1024) is too low.
constexpr std::size_t kMaxTreeDepth = 16384;

}  // namespace

simdjson::dom::parser& thread_json_parser() {
  thread_local simdjson::dom::parser parser = [] {
    simdjson::dom::parser p;
    // On failure the parser keeps its defaults and reports DEPTH_ERROR for very deep trees.
    if (p.allocate(1U << 16, kMaxTreeDepth) != simdjson::SUCCESS) return simdjson::dom::parser{};
    return p;
  }();
  return parser;
}

std::string_view AstNode::type() const {
  std::string_view key;
  if (valid_ && wrapped(element_, &key, nullptr)) return key;
  return {};
}

AstNode AstNode::body() const {
  simdjson::dom::element inner;
  if (valid_ && wrapped(element_, nullptr, &inner)) return AstNode(inner);
  return *this;
}

AstNode AstNode::field(std::string_view name) const {
  if (!valid_ || !element_.is_object()) return {};
  // Most lookups are on a body already: try it first. Field names start lower-case, so a wrapped node's
  // one key (its type) never matches and the lookup moves to the inside.
  simdjson::dom::element value;
  if (simdjson::dom::object(element_).at_key(name).get(value) == simdjson::SUCCESS) return AstNode(value);
  simdjson::dom::element inner;
  if (!wrapped(element_, nullptr, &inner) || !inner.is_object()) return {};
  if (simdjson::dom::object(inner).at_key(name).get(value) != simdjson::SUCCESS) return {};
  return AstNode(value);
}

std::string_view AstNode::string_field(std::string_view name) const {
  AstNode f = field(name);
  std::string_view out;
  if (f.valid_ && f.element_.get_string().get(out) == simdjson::SUCCESS) return out;
  return {};
}

std::int64_t AstNode::int_field(std::string_view name, std::int64_t fallback) const {
  AstNode f = field(name);
  std::int64_t out = 0;
  if (f.valid_ && f.element_.get_int64().get(out) == simdjson::SUCCESS) return out;
  return fallback;
}

bool AstNode::bool_field(std::string_view name) const {
  AstNode f = field(name);
  bool out = false;
  return f.valid_ && f.element_.get_bool().get(out) == simdjson::SUCCESS && out;
}

std::vector<AstNode> AstNode::list_field(std::string_view name) const {
  std::vector<AstNode> out;
  AstNode f = field(name);
  if (!f.valid_ || !f.element_.is_array()) return out;
  for (simdjson::dom::element item : simdjson::dom::array(f.element_)) out.emplace_back(item);
  return out;
}

}  // namespace flyguard::sql
