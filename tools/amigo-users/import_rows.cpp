#include "import_rows.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <string_view>

#include "exit_codes.hpp"

namespace amigo_users {
namespace {

enum Column { kEmail, kFirstName, kLastName, kRole, kTimezone, kLanguage, kLoginLink, kColumns };

constexpr std::array<std::string_view, kColumns> kColumnNames{
    "email", "first_name", "last_name", "role", "timezone", "language", "login_link"};
constexpr std::size_t kRequiredColumns = 4;  // email, first_name, last_name, role
constexpr std::size_t kMaxLoginLinkLength = 2083;
// std::regex recurses per character, so a long enough field overflows the
// stack: lengths are checked first. 320 is the longest address SMTP allows;
// the longest IANA zone name is about 30.
constexpr std::size_t kMaxEmailLength = 320;
constexpr std::size_t kMaxTimezoneLength = 64;
constexpr std::size_t kMaxLanguageLength = 3;

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string column_list(std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) list += ", ";
    list += kColumnNames[i];
  }
  return list;
}

// For each known column, its index in the file's records.
using ColumnMap = std::array<std::optional<std::size_t>, kColumns>;

ColumnMap map_header(const CsvRecord& header) {
  ColumnMap map;
  for (std::size_t index = 0; index < header.fields.size(); ++index) {
    const std::string name = lowercase(trimmed(header.fields[index]));
    const auto known = std::find(kColumnNames.begin(), kColumnNames.end(), name);
    if (known == kColumnNames.end()) {
      throw UsageError("line " + std::to_string(header.line) + ": unknown column '" + name +
                       "'; the columns are " + column_list(kColumns));
    }
    auto& slot = map[static_cast<std::size_t>(known - kColumnNames.begin())];
    if (slot) {
      throw UsageError("line " + std::to_string(header.line) + ": column '" + name +
                       "' appears twice");
    }
    slot = index;
  }
  for (std::size_t column = 0; column < kRequiredColumns; ++column) {
    if (!map[column]) {
      throw UsageError("line " + std::to_string(header.line) + ": missing column '" +
                       std::string(kColumnNames[column]) + "'; required columns are " +
                       column_list(kRequiredColumns));
    }
  }
  return map;
}

bool looks_like_email(const std::string& email) {
  static const std::regex kShape(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)");
  return email.size() <= kMaxEmailLength && std::regex_match(email, kShape);
}

bool looks_like_timezone(const std::string& timezone) {
  static const std::regex kShape(R"(^(UTC|[A-Z][A-Za-z]+(/[A-Za-z0-9_+\-]+){1,2})$)");
  return timezone.size() <= kMaxTimezoneLength && std::regex_match(timezone, kShape);
}

bool looks_like_language(const std::string& language) {
  static const std::regex kShape("^[a-z]{2,3}$");
  return language.size() <= kMaxLanguageLength && std::regex_match(language, kShape);
}

bool looks_like_link(const std::string& link) {
  static const std::regex kShape(R"(^https?://[^\s/?#]+[^\s]*$)");
  return link.size() <= kMaxLoginLinkLength && std::regex_match(link, kShape);
}

ImportRow row_from(const CsvRecord& record, const ColumnMap& columns) {
  std::array<std::string, kColumns> values;
  for (std::size_t column = 0; column < kColumns; ++column) {
    const auto& index = columns[column];
    if (index && *index < record.fields.size()) values[column] = trimmed(record.fields[*index]);
  }
  return ImportRow{record.line,   values[kEmail],    values[kFirstName], values[kLastName],
                   values[kRole], values[kTimezone], values[kLanguage],  values[kLoginLink]};
}

std::vector<std::string> problems_of(const ImportRow& row) {
  std::vector<std::string> problems;
  const std::array<const std::string*, kRequiredColumns> required{&row.email, &row.first_name,
                                                                  &row.last_name, &row.role};
  for (std::size_t column = 0; column < kRequiredColumns; ++column) {
    if (required[column]->empty())
      problems.push_back(std::string(kColumnNames[column]) + " is empty");
  }
  if (row.email.size() > kMaxEmailLength) {
    problems.push_back("email is longer than " + std::to_string(kMaxEmailLength) + " characters");
  } else if (!row.email.empty() && !looks_like_email(row.email)) {
    problems.emplace_back("email is not an address like name@example.com");
  }
  if (row.timezone.size() > kMaxTimezoneLength) {
    problems.push_back("timezone is longer than " + std::to_string(kMaxTimezoneLength) +
                       " characters; use an IANA name like Europe/Stockholm, or UTC");
  } else if (!row.timezone.empty() && !looks_like_timezone(row.timezone)) {
    problems.push_back("timezone \"" + row.timezone +
                       "\" is not an IANA name like Europe/Stockholm, or UTC");
  }
  if (row.language.size() > kMaxLanguageLength) {
    problems.emplace_back("language is longer than 3 letters; use a code like en or eng");
  } else if (!row.language.empty() && !looks_like_language(row.language)) {
    problems.push_back("language \"" + row.language +
                       "\" is not a 2 or 3 letter lowercase code like en or eng");
  }
  if (!row.login_link.empty() && !looks_like_link(row.login_link)) {
    problems.emplace_back("login_link is not an http:// or https:// URL");
  }
  return problems;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) {
    if (!text.empty()) text += "; ";
    text += part;
  }
  return text;
}

}  // namespace

ImportPlan plan_import(const std::vector<CsvRecord>& records) {
  if (records.empty()) {
    throw UsageError("the file is empty; its first line must name the columns, e.g. " +
                     column_list(kColumns));
  }
  const CsvRecord& header = records.front();
  const ColumnMap columns = map_header(header);

  ImportPlan plan;
  std::map<std::string, std::size_t> line_of_email;
  for (auto record = records.begin() + 1; record != records.end(); ++record) {
    ++plan.total;
    ImportRow row = row_from(*record, columns);
    std::vector<std::string> problems = problems_of(row);
    if (record->fields.size() != header.fields.size()) {
      problems.push_back("has " + std::to_string(record->fields.size()) +
                         " fields; the header has " + std::to_string(header.fields.size()));
    }
    if (!row.email.empty()) {
      const auto [first, inserted] = line_of_email.emplace(lowercase(row.email), row.line);
      if (!inserted) {
        problems.push_back("email repeats line " + std::to_string(first->second) +
                           " (emails are compared without regard to case)");
      }
    }

    if (problems.empty()) {
      plan.rows.push_back(std::move(row));
    } else {
      plan.invalid.push_back(InvalidRow{row.line, row.email, joined(problems)});
    }
  }
  return plan;
}

std::string describe(const InvalidRow& row) {
  // An email too long to be one is shortened, so the report stays readable.
  std::string email = row.email.empty() ? "(no email)" : row.email;
  if (email.size() > kMaxEmailLength) email = email.substr(0, 40) + "...";
  return "line " + std::to_string(row.line) + ": " + email + ": " + row.reason;
}

}  // namespace amigo_users
