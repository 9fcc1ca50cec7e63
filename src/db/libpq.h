#pragma once
// libpq, loaded on first use. Linking it would make every hook run pay for loading libpq and its
// dependencies (TLS, Kerberos, LDAP: ~2.7 ms measured), while only `verify` and `ci --url` talk to a
// database. The RAII handles below are the only way the rest of flyguard touches libpq.
#include <memory>
#include <stdexcept>
#include <string>

#include <libpq-fe.h>

namespace flyguard::db {

// The database could not be reached or refused a request; the message is libpq's or the server's.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The entry points flyguard uses, resolved from libpq.so.5.
struct LibPq {
  decltype(&::PQconnectdbParams) connectdb_params;
  decltype(&::PQstatus) status;
  decltype(&::PQerrorMessage) error_message;
  decltype(&::PQfinish) finish;
  decltype(&::PQexec) exec;
  decltype(&::PQresultStatus) result_status;
  decltype(&::PQresultErrorField) result_error_field;
  decltype(&::PQresultErrorMessage) result_error_message;
  decltype(&::PQclear) clear;
  decltype(&::PQntuples) ntuples;
  decltype(&::PQnfields) nfields;
  decltype(&::PQfnumber) fnumber;
  decltype(&::PQgetvalue) getvalue;
  decltype(&::PQgetisnull) getisnull;
  decltype(&::PQgetlength) getlength;
  decltype(&::PQsetNoticeProcessor) set_notice_processor;
  decltype(&::PQconninfoParse) conninfo_parse;
  decltype(&::PQconninfoFree) conninfo_free;
  decltype(&::PQfreemem) freemem;
  decltype(&::PQparameterStatus) parameter_status;
};

// Loads libpq once; throws DatabaseError naming the package to install when it is missing.
const LibPq& libpq();

struct ResultDeleter {
  void operator()(PGresult* result) const;
};
using ResultHandle = std::unique_ptr<PGresult, ResultDeleter>;

struct ConnectionDeleter {
  void operator()(PGconn* connection) const;
};
using ConnectionHandle = std::unique_ptr<PGconn, ConnectionDeleter>;

struct ConninfoDeleter {
  void operator()(PQconninfoOption* options) const;
};
using ConninfoHandle = std::unique_ptr<PQconninfoOption, ConninfoDeleter>;

}  // namespace flyguard::db
