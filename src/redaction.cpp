#include "redaction.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace amigo::detail {
namespace {

constexpr std::size_t kIssuedSecretsKept = 8;
// Shorter runs after "Bearer"/"Basic" are ordinary prose ("basic checks"), not credentials.
constexpr std::size_t kMinSchemeCredentialLength = 8;
constexpr std::size_t kMinJwtSegmentLength = 8;

bool is_base64url_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
}

bool is_credential_char(char c) {
  return is_base64url_char(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
}

void replace_all(std::string& text, std::string_view secret) {
  if (secret.empty()) return;
  for (auto at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + kRedacted.size())) {
    text.replace(at, secret.size(), kRedacted);
  }
}

bool starts_with_scheme_ignoring_case(std::string_view text, std::size_t at,
                                      std::string_view scheme) {
  if (at + scheme.size() > text.size()) return false;
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != scheme[i]) return false;
  }
  return true;
}

// "Bearer abc.def" -> "Bearer [REDACTED]"; the same for "Basic".
std::string redact_after_schemes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    bool word_start = i == 0 || std::isalnum(static_cast<unsigned char>(text[i - 1])) == 0;
    std::size_t scheme_length = 0;
    if (word_start) {
      if (starts_with_scheme_ignoring_case(text, i, "bearer")) scheme_length = 6;
      if (starts_with_scheme_ignoring_case(text, i, "basic")) scheme_length = 5;
    }
    if (scheme_length == 0) {
      out += text[i++];
      continue;
    }
    std::size_t credential = i + scheme_length;
    while (credential < text.size() && (text[credential] == ' ' || text[credential] == '\t')) {
      ++credential;
    }
    std::size_t end = credential;
    while (end < text.size() && is_credential_char(text[end])) ++end;
    if (credential > i + scheme_length && end - credential >= kMinSchemeCredentialLength) {
      out.append(text.substr(i, credential - i));
      out += kRedacted;
    } else {
      out.append(text.substr(i, end - i));
    }
    i = end;
  }
  return out;
}

bool is_jwt(std::string_view run) {
  if (std::count(run.begin(), run.end(), '.') != 2) return false;
  auto first_dot = run.find('.');
  auto second_dot = run.find('.', first_dot + 1);
  std::string_view header = run.substr(0, first_dot);
  std::string_view payload = run.substr(first_dot + 1, second_dot - first_dot - 1);
  std::string_view signature = run.substr(second_dot + 1);
  // An unsigned JWT has an empty signature, but its header still starts with '{"' in base64.
  if (header.substr(0, 3) == "eyJ" && !payload.empty()) return true;
  return header.size() >= kMinJwtSegmentLength && payload.size() >= kMinJwtSegmentLength &&
         signature.size() >= kMinJwtSegmentLength;
}

// How much of `run` is a JWT: all of it, all but a sentence's closing full
// stops, or nothing.
std::size_t jwt_length(std::string_view run) {
  if (is_jwt(run)) return run.size();
  while (!run.empty() && run.back() == '.') run.remove_suffix(1);
  return is_jwt(run) ? run.size() : 0;
}

std::string redact_jwts(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_base64url_char(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && (is_base64url_char(text[end]) || text[end] == '.')) ++end;
    std::string_view run = text.substr(i, end - i);
    if (std::size_t length = jwt_length(run); length > 0) {
      out += kRedacted;
      out.append(run.substr(length));
    } else {
      out.append(run);
    }
    i = end;
  }
  return out;
}

}  // namespace

std::string redact_credential_patterns(std::string_view text) {
  return redact_jwts(redact_after_schemes(text));
}

Redactor::Redactor(std::vector<std::string> configured_secrets)
    : configured_(std::move(configured_secrets)) {
  configured_.erase(std::remove(configured_.begin(), configured_.end(), std::string{}),
                    configured_.end());
  // Longest first, so a secret containing another is replaced whole.
  std::sort(configured_.begin(), configured_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

Redactor::Redactor(const Redactor& base, std::vector<std::string> more_secrets)
    : Redactor(std::move(more_secrets)) {
  // A delegating constructor cannot initialise members itself.
  base_ = &base;  // NOLINT(cppcoreguidelines-prefer-member-initializer)
}

void Redactor::add_issued_secret(std::string secret) {
  if (secret.empty()) return;
  std::lock_guard lock(mutex_);
  if (std::find(issued_.begin(), issued_.end(), secret) != issued_.end()) return;
  issued_.push_back(std::move(secret));
  if (issued_.size() > kIssuedSecretsKept) issued_.pop_front();
}

std::string Redactor::redact(std::string_view text) const {
  std::string out(text);
  for (const auto& secret : configured_) replace_all(out, secret);
  {
    std::lock_guard lock(mutex_);
    for (const auto& secret : issued_) replace_all(out, secret);
  }
  return base_ != nullptr ? base_->redact(out) : redact_credential_patterns(out);
}

}  // namespace amigo::detail
