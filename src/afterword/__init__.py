"""afterword: interview notes → follow-up emails you are proud to send, on your own machine."""

__version__ = "0.1.0"
