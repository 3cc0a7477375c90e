#pragma once

// The rows of an import file, checked before anything is sent: the header
// names the columns (any order), and each row is validated on its own and
// against the rows above it (an email may appear once).

#include <cstddef>
#include <string>
#include <vector>

#include "csv_file.hpp"

namespace amigo_users {

/// One valid row: a user to invite. Optional columns left blank are empty.
struct ImportRow {
  std::size_t line = 0;
  std::string email;
  std::string first_name;
  std::string last_name;
  std::string role;
  std::string timezone;
  std::string language;
  std::string login_link;
};

/// A row that will not be sent, and why.
struct InvalidRow {
  std::size_t line = 0;
  std::string email;
  /// Every problem of the row, separated by "; ".
  std::string reason;
};

struct ImportPlan {
  std::vector<ImportRow> rows;
  std::vector<InvalidRow> invalid;
  /// Data rows in the file, valid or not.
  std::size_t total = 0;
};

/// Splits the records of an import file into valid and invalid rows.
/// @throws UsageError when the header is missing, repeats a column, names an
///         unknown one, or lacks a required one.
ImportPlan plan_import(const std::vector<CsvRecord>& records);

/// "line 42: ines.araujo.example.com: email is not an address like name@example.com"
std::string describe(const InvalidRow& row);

}  // namespace amigo_users
