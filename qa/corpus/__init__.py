"""The report as an attributed corpus: sections, speakers, passages and chunks."""
