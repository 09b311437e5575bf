// The La Gi sample files and small observation files written for a test.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sample {

const std::string data = LA_GI_DATA;
const std::string observations = data + "/sample/la-gi-observations.csv";
const std::string areas = data + "/areas/la-gi.csv";
const std::string crosswalk = data + "/areas/la-gi-crosswalk-2025.csv";

/// Writes `bytes` to a file named after `name` in the temporary folder; returns its path.
inline std::string write(const std::string& name, const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() / ("chitieu_downstream_" + name + ".csv");
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

/// Writes the town's trained-labour share for 2020-2024, the last year `last`; returns the path.
inline std::string labour_file(const std::string& name, double last) {
  std::ostringstream out;
  out << "indicator,area,year,value\n";
  const double values[] = {70, 71, 72.5, 73};
  for (int i = 0; i < 4; ++i) out << "trained_labour,la-gi," << 2020 + i << "," << values[i] << "\n";
  out << "trained_labour,la-gi,2024," << last << "\n";
  return write(name, out.str());
}

}  // namespace sample
