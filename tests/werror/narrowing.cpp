// Deliberately warns under -Wconversion: the probe that shows CHITIEU_WERROR takes effect.
int narrowing_probe(double x) { return x; }
