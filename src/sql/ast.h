#pragma once
// A read-only typed view of libpg_query's JSON parse tree. Nodes look like {"CreateStmt": {...}};
// fields of the inner object are read by name.
#include <cstdint>
#include <string_view>
#include <vector>

#include <simdjson.h>

namespace flyguard::sql {

// This thread's JSON parser for libpg_query's output, made once: its buffers are reused by every parse,
// and it accepts trees nested far deeper than simdjson's default.
simdjson::dom::parser& thread_json_parser();

class AstNode {
 public:
  AstNode() = default;
  explicit AstNode(simdjson::dom::element element) : element_(element), valid_(true) {}

  bool valid() const { return valid_; }
  explicit operator bool() const { return valid_; }

  // The node type of a wrapped node ("CreateStmt", "ColumnDef"); empty for plain objects/values.
  std::string_view type() const;
  // The inner object of a wrapped node; a plain object is its own body.
  AstNode body() const;

  // Field access on the body; missing fields give an invalid node / the fallback.
  AstNode field(std::string_view name) const;
  std::string_view string_field(std::string_view name) const;
  std::int64_t int_field(std::string_view name, std::int64_t fallback = 0) const;
  bool bool_field(std::string_view name) const;
  std::vector<AstNode> list_field(std::string_view name) const;
  // Byte offset of the node in the parsed text ("location"), or -1.
  std::int64_t location() const { return int_field("location", -1); }

  // Depth-first visit of every wrapped node below (and including) this one.
  template <typename Visitor>
  void visit(Visitor&& visitor) const;

  simdjson::dom::element raw() const { return element_; }

 private:
  simdjson::dom::element element_{};
  bool valid_ = false;
};

template <typename Visitor>
void AstNode::visit(Visitor&& visitor) const {
  if (!valid_) return;
  if (!type().empty()) visitor(*this);
  simdjson::dom::element e = element_;
  if (e.is_array()) {
    for (simdjson::dom::element item : simdjson::dom::array(e)) AstNode(item).visit(visitor);
  } else if (e.is_object()) {
    for (auto [key, value] : simdjson::dom::object(e)) {
      (void)key;
      if (value.is_object() || value.is_array()) AstNode(value).visit(visitor);
    }
  }
}

}  // namespace flyguard::sql
