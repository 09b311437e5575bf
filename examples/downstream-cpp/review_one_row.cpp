// Reads the La Gi sample files, reviews them and prints one row: C++ alone, no Python.
#include <chitieu/chitieu.hpp>
#include <chitieu/csv_files.hpp>
#include <chitieu/plan_file.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  const std::string data = argc > 1 ? argv[1] : "data";  // the chitieu checkout's data/ folder
  try {
    const chitieu::plan plan = chitieu::load_plan("la-gi-2024");
    const chitieu::area_table areas = chitieu::read_areas(data + "/areas/la-gi.csv");
    const auto observations = chitieu::read_observations(data + "/sample/la-gi-observations.csv");
    const chitieu::review_result result =
        chitieu::review(plan, observations, chitieu::review_options{}.with_areas(areas));
    const auto row = result.evaluation.find("trained_labour", "la-gi", 2024);
    if (!row) return 1;
    std::cout << row->indicator() << " " << row->area() << " " << row->year() << ": value " << row->value()
              << ", " << chitieu::to_string(row->status()) << ", pace " << chitieu::to_string(row->pace())
              << "\n";
  } catch (const chitieu::error& e) {
    std::cerr << e.what() << "\n";  // file:line: column: what is wrong and how to fix it
    return 2;
  }
}
