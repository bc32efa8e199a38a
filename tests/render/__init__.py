"""Tests of casebook.render: what every output shares (glyphs and fonts, right-to-left scripts); one folder per output."""
