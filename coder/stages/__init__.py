"""The coding stages, in the order a sentence meets them: actors, places, dates, casualties,
then events (triggers, realis, arguments, attachment, classification). Each stage package's
`__init__` is its public face: other parts of the coder import from it, never from its modules."""
