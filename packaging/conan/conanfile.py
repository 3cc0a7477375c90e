"""Conan 2 recipe for amigo-cpp: the library alone, without tests, emulator,
tools or examples. Run from this directory: `conan create . --version 0.1.0`
builds the package from the source tree two levels up."""

import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy


class AmigoCppConan(ConanFile):
    name = "amigo-cpp"
    version = "0.1.0"
    description = "Typed C++ client for the Amigo user API"
    license = "MIT"
    topics = ("amigo", "rest", "http", "client", "sdk")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}

    def export_sources(self):
        root = os.path.join(self.recipe_folder, "..", "..")
        copy(self, "CMakeLists.txt", root, self.export_sources_folder)
        copy(self, "LICENSE", root, self.export_sources_folder)
        for folder in ("cmake", "include", "src"):
            copy(self, "*", os.path.join(root, folder),
                 os.path.join(self.export_sources_folder, folder))

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        self.requires("libcurl/[>=7.68 <9]")
        self.requires("nlohmann_json/[>=3.10 <4]")
        self.requires("fmt/[>=9 <11]")
        self.requires("date/3.0.1")

    def validate(self):
        check_min_cppstd(self, 17)

    def generate(self):
        toolchain = CMakeToolchain(self)
        for option in ("TESTS", "EXAMPLES", "EMULATOR", "TOOLS", "BENCHMARKS", "FUZZERS"):
            toolchain.cache_variables[f"AMIGO_BUILD_{option}"] = False
        toolchain.cache_variables["AMIGO_INSTALL"] = True
        toolchain.cache_variables["AMIGO_WARNINGS_AS_ERRORS"] = False
        toolchain.generate()
        CMakeDeps(self).generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        CMake(self).install()

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "amigo")
        self.cpp_info.set_property("cmake_target_name", "amigo::amigo")
        self.cpp_info.set_property("pkg_config_name", "amigo")
        self.cpp_info.libs = ["amigo"]
        self.cpp_info.requires = ["libcurl::libcurl", "nlohmann_json::nlohmann_json",
                                  "fmt::fmt", "date::date"]
        if self.options.shared:
            self.cpp_info.defines = ["AMIGO_SHARED"]
        if self.settings.os in ("Linux", "FreeBSD"):
            self.cpp_info.system_libs = ["pthread"]
