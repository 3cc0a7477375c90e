#pragma once

// The three ways `list` and `export` print users: an aligned table for
// people, JSON lines and CSV for scripts.

#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include <amigo/amigo.hpp>

namespace amigo_users {

enum class OutputFormat { table, json, csv };

/// The --format names, for CLI11's CheckedTransformer.
const std::map<std::string, OutputFormat>& output_format_names();

/// Writes users one at a time. JSON and CSV stream; the table holds its rows
/// until finish() because the column widths depend on every row.
class UserWriter {
 public:
  virtual ~UserWriter() = default;
  virtual void write(const amigo::User& user) = 0;
  /// Call once after the last user.
  virtual void finish() {}
};

std::unique_ptr<UserWriter> make_user_writer(OutputFormat format, std::FILE* out);

/// The JSON object of one user: every field, under its wire name.
std::string user_json_line(const amigo::User& user);

}  // namespace amigo_users
