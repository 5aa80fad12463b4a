"""Reading and writing files: routine schedules (CSV, XLSX, DOCX, pasted cells), the align CSVs, DOCX exports.

Nothing here imports Qt.
"""
