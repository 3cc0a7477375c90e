#pragma once

// The clock a client uses unless the options supply one.

#include "amigo/options.hpp"

namespace amigo::detail {

class SystemClock final : public Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override;
  void sleep_for(std::chrono::milliseconds duration) override;
};

}  // namespace amigo::detail
