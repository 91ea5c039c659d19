"""Printed and exported output: plan PDFs (reportlab), CSV/XLSX and encrypted transfer files."""
