#pragma once

// CSV in and out, through libcsv: records with the physical line each one
// starts on (what a person sees in an editor), and rows written with quoting
// only where a field needs it.

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace amigo_users {

struct CsvRecord {
  /// 1-based physical line of the record's first character.
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Every record of a CSV file; blank lines are skipped, a UTF-8 BOM is ignored.
/// @throws UsageError when the file cannot be read or is not well-formed CSV.
std::vector<CsvRecord> read_csv_file(const std::string& path);

/// Writes CSV rows to a stdio stream the caller owns.
class CsvWriter {
 public:
  explicit CsvWriter(std::FILE* out) : out_(out) {}

  void write_row(const std::vector<std::string_view>& fields);

 private:
  std::FILE* out_;
};

}  // namespace amigo_users
