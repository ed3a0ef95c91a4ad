//! `check --feedback DIR`: one workbook per unit listing its own problems (退回修改清单).
