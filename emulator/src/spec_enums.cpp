#include <algorithm>

#include "spec_enums.hpp"

namespace amigo::emulator {

bool StringTable::contains(std::string_view value) const {
  return std::binary_search(values, values + size, value);
}

}  // namespace amigo::emulator
