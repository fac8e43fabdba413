"""The glossary: the app's terms in English and 中文, each under a link to the chapter that shows it."""

from ui import glossary
from ui.lang import translator

glossary.page(translator())
