#include "rules/rule.h"

#include <algorithm>
#include <cctype>

namespace flyguard::rules {

bool applies_to(unsigned dialects, Dialect dialect) {
  return (dialects & (dialect == Dialect::redshift ? kRedshift : kPostgres)) != 0;
}

std::string dialect_names(unsigned dialects) {
  std::string out;
  if (dialects & kPostgres) out = "postgres";
  if (dialects & kRedshift) out += out.empty() ? "redshift" : ", redshift";
  return out;
}

std::size_t RuleContext::offset_of(const sql::AstNode& node) const {
  std::int64_t location = node.location();
  if (location < 0) return statement_offset();
  return statement.text_offset(location);
}

bool RuleContext::created_in_this_file(const sql::AstNode& range_var) const {
  return created_in_this_file(range_var.string_field("schemaname"), range_var.string_field("relname"));
}

bool RuleContext::created_in_this_file(std::string_view schema, std::string_view name) const {
  return among(tables_created, schema, name);
}

std::string_view last_name(const std::vector<sql::AstNode>& names) {
  return names.empty() ? std::string_view() : names.back().string_field("sval");
}

std::string_view qualifier(const std::vector<sql::AstNode>& names) {
  return names.size() < 2 ? std::string_view() : names[names.size() - 2].string_field("sval");
}

std::string table_label(const sql::AstNode& range_var) {
  std::string schema(range_var.string_field("schemaname"));
  std::string name(range_var.string_field("relname"));
  return schema.empty() ? name : schema + "." + name;
}

bool same_table_name(std::string_view schema_a, std::string_view name_a, std::string_view schema_b,
                     std::string_view name_b) {
  return name_a == name_b && (schema_a.empty() || schema_b.empty() || schema_a == schema_b);
}

bool same_table(const sql::AstNode& a, const sql::AstNode& b) {
  return same_table_name(a.string_field("schemaname"), a.string_field("relname"), b.string_field("schemaname"),
                         b.string_field("relname"));
}

const std::vector<sql::AstNode>& alter_table_commands(const RuleContext& context) {
  StatementFacts& facts = *context.facts;
  if (facts.alter_commands) return *facts.alter_commands;
  std::vector<sql::AstNode>& commands = facts.alter_commands.emplace();
  if (context.statement.kind() != "AlterTableStmt" || context.node().string_field("objtype") != "OBJECT_TABLE")
    return commands;
  for (const sql::AstNode& cmd : context.node().list_field("cmds")) {
    if (cmd.type() != "AlterTableCmd") continue;
    commands.push_back(cmd.body());
    facts.alter_subtypes.push_back(commands.back().string_field("subtype"));
  }
  return commands;
}

std::vector<sql::AstNode> existing_table_commands(const RuleContext& context, std::string_view subtype) {
  const std::vector<sql::AstNode>& commands = alter_table_commands(context);
  if (commands.empty()) return {};
  StatementFacts& facts = *context.facts;
  if (!facts.alters_existing_table)
    facts.alters_existing_table = !context.created_in_this_file(context.node().field("relation"));
  if (!*facts.alters_existing_table) return {};
  if (subtype.empty()) return commands;
  std::vector<sql::AstNode> matching;
  for (std::size_t i = 0; i < commands.size(); ++i)
    if (facts.alter_subtypes[i] == subtype) matching.push_back(commands[i]);
  return matching;
}

std::set<std::string> column_names(const sql::AstNode& create) {
  std::set<std::string> names;
  for (const sql::AstNode& element : create.list_field("tableElts"))
    if (element.type() == "ColumnDef") names.insert(std::string(element.body().string_field("colname")));
  return names;
}

std::vector<sql::AstNode> table_constraints(const sql::AstNode& create) {
  std::vector<sql::AstNode> constraints;
  auto add = [&constraints](const sql::AstNode& node) {
    if (node.type() == "Constraint") constraints.push_back(node.body());
  };
  for (const sql::AstNode& element : create.list_field("tableElts")) {
    add(element);
    if (element.type() == "ColumnDef")
      for (const sql::AstNode& constraint : element.body().list_field("constraints")) add(constraint);
  }
  return constraints;
}

const std::vector<DeclaredType>& declared_column_types(const RuleContext& context) {
  StatementFacts& facts = *context.facts;
  if (facts.column_types) return *facts.column_types;
  std::vector<DeclaredType>& types = facts.column_types.emplace();
  auto add = [&types](const sql::AstNode& type_name) {
    if (type_name) types.push_back({type_name, builtin_type(type_name)});
  };
  if (context.statement.kind() == "CreateStmt") {
    for (const sql::AstNode& element : context.node().list_field("tableElts"))
      if (element.type() == "ColumnDef") add(element.field("typeName"));
  }
  const std::vector<sql::AstNode>& commands = alter_table_commands(context);
  for (std::size_t i = 0; i < commands.size(); ++i) {
    std::string_view subtype = facts.alter_subtypes[i];
    if (subtype == "AT_AddColumn" || subtype == "AT_AlterColumnType") add(commands[i].field("def").field("typeName"));
  }
  return types;
}

std::string_view builtin_type(const sql::AstNode& type_name) {
  // Called for every column of every table: walks the names without building a list.
  sql::AstNode names = type_name.field("names");
  if (!names || !names.raw().is_array()) return {};
  simdjson::dom::element schema, name;
  std::size_t count = 0;
  for (simdjson::dom::element item : simdjson::dom::array(names.raw())) {
    schema = name;
    name = item;
    ++count;
  }
  if (count == 0) return {};
  std::string_view qualified = count < 2 ? std::string_view() : sql::AstNode(schema).string_field("sval");
  return qualified.empty() || qualified == "pg_catalog" ? sql::AstNode(name).string_field("sval") : std::string_view();
}

namespace {

// Offsets where the lines of the analysed text start, found once per file: a rule asks for the lines of
// earlier statements, and counting from the start each time is quadratic in a long file.
struct LineStarts {
  std::vector<std::size_t> starts{0};
  explicit LineStarts(std::string_view text) {
    for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1))
      starts.push_back(at + 1);
  }
};

}  // namespace

int line_of(const RuleContext& context, std::size_t offset) {
  const LineStarts& lines = context.memo->get<LineStarts>("line-starts", [&] { return LineStarts(context.text); });
  auto after = std::upper_bound(lines.starts.begin(), lines.starts.end(), offset);
  return static_cast<int>(after - lines.starts.begin());
}

namespace {

void collect_range_vars(simdjson::dom::element element, std::vector<sql::AstNode>& out) {
  if (element.is_array()) {
    for (simdjson::dom::element item : simdjson::dom::array(element)) collect_range_vars(item, out);
  } else if (element.is_object()) {
    // One pass over the keys; the table goes before whatever its fields hold, as in a depth-first visit.
    const std::size_t position = out.size();
    bool names_table = false;
    for (auto [key, value] : simdjson::dom::object(element)) {
      if (key == "relname") names_table = true;
      else if (value.is_object() || value.is_array()) collect_range_vars(value, out);
    }
    if (names_table) out.insert(out.begin() + static_cast<std::ptrdiff_t>(position), sql::AstNode(element));
  }
}

}  // namespace

std::vector<sql::AstNode> range_vars(const sql::AstNode& node) {
  std::vector<sql::AstNode> out;
  if (node) collect_range_vars(node.raw(), out);
  return out;
}

bool among(const std::vector<TableName>& tables, std::string_view schema, std::string_view name) {
  return std::any_of(tables.begin(), tables.end(), [&](const TableName& table) {
    return same_table_name(table.schema, table.name, schema, name);
  });
}

void note_created_table(const sql::Statement& statement, std::vector<TableName>& tables) {
  sql::AstNode relation;
  if (statement.kind() == "CreateStmt") relation = statement.body().field("relation");
  if (statement.kind() == "CreateTableAsStmt") relation = statement.body().field("into").field("rel");
  if (relation)
    tables.push_back({std::string(relation.string_field("schemaname")), std::string(relation.string_field("relname"))});
}

namespace {

bool only_validates(const sql::AstNode& alter) {
  for (const sql::AstNode& cmd : alter.list_field("cmds"))
    if (cmd.body().string_field("subtype") != "AT_ValidateConstraint") return false;
  return true;
}

// "0", "0s", "0ms", "0.0min": PostgreSQL reads each as zero, which disables the timeout.
bool is_zero_setting(std::string_view text) {
  std::size_t i = 0;
  bool digit = false;
  for (; i < text.size() && (text[i] == '0' || text[i] == '.' || text[i] == ' '); ++i) digit |= text[i] == '0';
  if (!digit) return false;
  for (; i < text.size(); ++i)
    if (!std::isalpha(static_cast<unsigned char>(text[i])) && text[i] != ' ') return false;
  return true;
}

}  // namespace

std::string locked_existing_table(const sql::Statement& statement, const std::vector<TableName>& created) {
  std::string_view kind = statement.kind();
  sql::AstNode body = statement.body();
  auto existing = [&](const sql::AstNode& range_var) -> std::string {
    return among(created, range_var.string_field("schemaname"), range_var.string_field("relname"))
               ? std::string()
               : table_label(range_var);
  };
  if (kind == "AlterTableStmt" && body.string_field("objtype") == "OBJECT_TABLE" && !only_validates(body))
    return existing(body.field("relation"));
  if (kind == "IndexStmt" && !body.bool_field("concurrent")) return existing(body.field("relation"));
  if (kind == "RenameStmt" && !body.field("relation").string_field("relname").empty() &&
      body.string_field("relationType") != "OBJECT_VIEW")
    return existing(body.field("relation"));
  if (kind == "CreateTrigStmt") return existing(body.field("relation"));
  // A new table's foreign keys lock the tables they reference (SHARE ROW EXCLUSIVE): those exist already.
  if (kind == "CreateStmt") {
    for (const sql::AstNode& constraint : table_constraints(body))
      if (constraint.string_field("contype") == "CONSTR_FOREIGN") return existing(constraint.field("pktable"));
    return {};
  }
  if (kind == "TruncateStmt" && !body.list_field("relations").empty())
    return existing(body.list_field("relations").front().body());
  if (kind != "DropStmt") return {};
  std::string_view drop = body.string_field("removeType");
  if (!body.bool_field("concurrent") && (drop == "OBJECT_TABLE" || drop == "OBJECT_INDEX")) {
    std::vector<sql::AstNode> objects = body.list_field("objects");
    if (objects.empty()) return {};
    std::vector<sql::AstNode> names = objects.front().list_field("items");
    std::string name(last_name(names));
    return among(created, qualifier(names), name) ? std::string() : name;
  }
  return {};
}

namespace {

// What a statement does to `setting`: nullopt when it leaves it alone, true when it sets a timeout, false
// when it turns it off (0, RESET, DEFAULT).
std::optional<bool> sets_timeout(const sql::AstNode& set, std::string_view setting) {
  if (set.string_field("name") != setting) return std::nullopt;
  if (set.string_field("kind") != "VAR_SET_VALUE") return false;
  std::vector<sql::AstNode> args = set.list_field("args");
  if (args.empty()) return false;
  sql::AstNode value = args.front();
  if (value.field("ival")) return value.field("ival").int_field("ival", 0) != 0;
  if (value.field("fval")) return !is_zero_setting(value.field("fval").string_field("fval"));
  return !is_zero_setting(value.field("sval").string_field("sval"));
}

}  // namespace

namespace {

// The first statement of the file that locks an existing table while no timeout `setting` is in force.
struct FirstLock {
  std::size_t index = static_cast<std::size_t>(-1);
  std::string table;
};

// Whether a timeout setting is in force as the statements run, SET and SET LOCAL followed separately.
class TimeoutState {
 public:
  TimeoutState(std::string_view setting, bool in_transaction)
      : setting_(setting), in_transaction_(in_transaction), open_(in_transaction) {}

  void apply(const sql::Statement& statement) {
    sql::AstNode body = statement.body();
    if (statement.kind() == "VariableSetStmt") {
      if (std::optional<bool> timeout = sets_timeout(body, setting_)) {
        if (body.bool_field("is_local")) local_ = open_ && *timeout;
        else session_ = *timeout, local_ = local_ && *timeout;
      }
    } else if (statement.kind() == "TransactionStmt" && !in_transaction_) {
      std::string_view kind = body.string_field("kind");
      if (kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START") open_ = true;
      if (kind == "TRANS_STMT_COMMIT" || kind == "TRANS_STMT_ROLLBACK") open_ = local_ = false;
    }
  }
  bool in_force() const { return session_ || local_; }

 private:
  std::string_view setting_;
  bool in_transaction_;
  bool open_;  // SET LOCAL lasts until the transaction ends, and is ignored outside one
  bool session_ = false, local_ = false;
};

// Both timeouts in one pass: the two rules look for the same locks.
struct FirstLocks {
  FirstLock lock_timeout, statement_timeout;
};

FirstLocks find_first_locks_without_timeout(const RuleContext& context) {
  FirstLocks found;
  TimeoutState lock("lock_timeout", context.in_transaction), statement("statement_timeout", context.in_transaction);
  bool lock_open = true, statement_open = true;  // still looking
  std::vector<TableName> created;
  for (std::size_t i = 0; i < context.statements.size() && (lock_open || statement_open); ++i) {
    const sql::Statement& statement_i = context.statements[i];
    if (!statement_i.ast) continue;
    lock.apply(statement_i);
    statement.apply(statement_i);
    const bool lock_missing = lock_open && !lock.in_force();
    const bool statement_missing = statement_open && !statement.in_force();
    if (lock_missing || statement_missing) {
      std::string table = locked_existing_table(statement_i, created);
      if (!table.empty() && lock_missing) found.lock_timeout = {i, table}, lock_open = false;
      if (!table.empty() && statement_missing) found.statement_timeout = {i, table}, statement_open = false;
    }
    note_created_table(statement_i, created);
  }
  return found;
}

}  // namespace

std::string first_lock_without_timeout(const RuleContext& context, std::string_view setting) {
  const FirstLocks& first = context.memo->get<FirstLocks>(
      "first-locks-without-timeout", [&] { return find_first_locks_without_timeout(context); });
  const FirstLock& lock = setting == "lock_timeout" ? first.lock_timeout : first.statement_timeout;
  return lock.index == context.index ? lock.table : std::string();  // only the first one is reported
}

}  // namespace flyguard::rules
