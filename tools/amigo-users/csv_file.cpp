#include "csv_file.hpp"

#include <csv.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "exit_codes.hpp"

namespace amigo_users {
namespace {

struct ParseState {
  std::vector<CsvRecord> records;
  CsvRecord current;
  bool in_record = false;
};

void on_field(void* data, std::size_t size, void* state) {
  auto* parse = static_cast<ParseState*>(state);
  parse->current.fields.emplace_back(data == nullptr ? "" : static_cast<const char*>(data), size);
}

void on_record_end(int /*terminator*/, void* state) {
  auto* parse = static_cast<ParseState*>(state);
  parse->records.push_back(std::move(parse->current));
  parse->current = CsvRecord{};
  parse->in_record = false;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// libcsv does not count lines, so the file is fed to it a line at a time:
// a record starts on the first non-blank line after the previous one ended,
// and a quoted field spanning lines keeps its record open across them.
class LineFeeder {
 public:
  LineFeeder() {
    if (csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) != 0) {
      throw UsageError("cannot start the CSV parser: out of memory");
    }
  }
  ~LineFeeder() { csv_free(&parser_); }
  LineFeeder(const LineFeeder&) = delete;
  LineFeeder& operator=(const LineFeeder&) = delete;

  void feed(std::size_t line_number, const std::string& line) {
    if (!state_.in_record && !is_blank(line)) {
      state_.in_record = true;
      state_.current.line = line_number;
    }
    if (csv_parse(&parser_, line.data(), line.size(), on_field, on_record_end, &state_) !=
        line.size()) {
      fail(line_number);
    }
  }

  std::vector<CsvRecord> finish(std::size_t last_line) {
    if (csv_fini(&parser_, on_field, on_record_end, &state_) != 0) fail(last_line);
    return std::move(state_.records);
  }

 private:
  [[noreturn]] void fail(std::size_t line_number) {
    throw UsageError("line " + std::to_string(line_number) +
                     ": malformed CSV: " + csv_strerror(csv_error(&parser_)) +
                     " (a quote inside a field must be doubled, and the field quoted)");
  }

  csv_parser parser_{};
  ParseState state_;
};

bool needs_quotes(std::string_view field) {
  if (field.empty()) return false;
  if (field.front() == ' ' || field.back() == ' ') return true;
  return field.find_first_of(",\"\r\n\t") != std::string_view::npos;
}

}  // namespace

std::vector<CsvRecord> read_csv_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw UsageError("cannot read " + path + ": " + std::strerror(errno));

  LineFeeder feeder;
  std::size_t line_number = 0;
  std::string line;
  while (std::getline(file, line)) {
    ++line_number;
    if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!file.eof()) line.push_back('\n');
    feeder.feed(line_number, line);
  }
  if (file.bad()) throw UsageError("cannot read " + path + ": " + std::strerror(errno));
  return feeder.finish(line_number);
}

void CsvWriter::write_row(const std::vector<std::string_view>& fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) std::fputc(',', out_);
    first = false;
    if (needs_quotes(field)) {
      csv_fwrite(out_, field.data(), field.size());
    } else {
      std::fwrite(field.data(), 1, field.size(), out_);
    }
  }
  std::fputc('\n', out_);
}

}  // namespace amigo_users
