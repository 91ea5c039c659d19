"""Developer tools, not part of the product: nothing in app/ imports them (an import contract
checks it), and the installed bundle leaves this package out."""
