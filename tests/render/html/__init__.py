"""The HTML edition (casebook.render.html): structure, content and the axe-core check in a browser."""
