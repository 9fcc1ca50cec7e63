#include "db/libpq.h"

#include <dlfcn.h>

namespace flyguard::db {

namespace {

template <typename Function>
void resolve(void* library, const char* name, Function& target) {
  void* symbol = dlsym(library, name);
  if (symbol == nullptr) throw DatabaseError(std::string("libpq.so.5 has no ") + name + ": the library is too old");
  target = reinterpret_cast<Function>(symbol);
}

LibPq load() {
  // Never unloaded: libpq registers OpenSSL callbacks that must outlive every connection.
  void* library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr)
    throw DatabaseError(std::string("cannot load libpq (") + dlerror() +
                        "): install the PostgreSQL client library (Debian/Ubuntu: apt-get install libpq5)");
  LibPq api{};
  resolve(library, "PQconnectdbParams", api.connectdb_params);
  resolve(library, "PQstatus", api.status);
  resolve(library, "PQerrorMessage", api.error_message);
  resolve(library, "PQfinish", api.finish);
  resolve(library, "PQexec", api.exec);
  resolve(library, "PQresultStatus", api.result_status);
  resolve(library, "PQresultErrorField", api.result_error_field);
  resolve(library, "PQresultErrorMessage", api.result_error_message);
  resolve(library, "PQclear", api.clear);
  resolve(library, "PQntuples", api.ntuples);
  resolve(library, "PQnfields", api.nfields);
  resolve(library, "PQfnumber", api.fnumber);
  resolve(library, "PQgetvalue", api.getvalue);
  resolve(library, "PQgetisnull", api.getisnull);
  resolve(library, "PQgetlength", api.getlength);
  resolve(library, "PQsetNoticeProcessor", api.set_notice_processor);
  resolve(library, "PQconninfoParse", api.conninfo_parse);
  resolve(library, "PQconninfoFree", api.conninfo_free);
  resolve(library, "PQfreemem", api.freemem);
  resolve(library, "PQparameterStatus", api.parameter_status);
  return api;
}

}  // namespace

const LibPq& libpq() {
  static const LibPq api = load();  // a failed load throws again on the next call
  return api;
}

void ResultDeleter::operator()(PGresult* result) const { libpq().clear(result); }
void ConnectionDeleter::operator()(PGconn* connection) const { libpq().finish(connection); }
void ConninfoDeleter::operator()(PQconninfoOption* options) const { libpq().conninfo_free(options); }

}  // namespace flyguard::db
