"""The class deck (casebook.render, deck): the reading deck, the teaching deck, user templates, accessibility."""
