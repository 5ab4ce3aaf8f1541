using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Cos.Generator.Json;

internal sealed class JsonParseException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

/// <summary>
/// A small JSON reader (comments and trailing commas allowed) that keeps source spans.
/// Hand-written so the generator has no package dependency inside the compiler.
/// </summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;

    private JsonParser(string text) => _text = text;

    public static JsonValue Parse(string text)
    {
        var parser = new JsonParser(text);
        var value = parser.ParseValue(0);
        parser.SkipTrivia();
        if (parser._position < text.Length)
        {
            throw new JsonParseException("Unexpected text after the end of the document.", parser._position);
        }

        return value;
    }

    private JsonValue ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonParseException($"The document nests deeper than {MaxDepth} levels.", _position);
        }

        SkipTrivia();
        if (_position >= _text.Length)
        {
            throw new JsonParseException("Unexpected end of the document.", _position);
        }

        var start = _position;
        switch (_text[_position])
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                var text = ParseString();
                return new JsonValue(JsonKind.String, TextSpan.FromBounds(start, _position), text);
            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                return ParseNumber();
        }
    }

    private JsonValue ParseObject(int depth)
    {
        var start = _position++;
        var properties = new List<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == '}')
            {
                _position++;
                return new JsonValue(JsonKind.Object, TextSpan.FromBounds(start, _position), properties: properties);
            }

            if (Peek() != '"')
            {
                throw new JsonParseException("Expected a property name in double quotes or '}'.", _position);
            }

            var nameStart = _position;
            var name = ParseString();
            var nameSpan = TextSpan.FromBounds(nameStart, _position);
            SkipTrivia();
            Expect(':');
            var value = ParseValue(depth + 1);
            properties.Add(new JsonProperty(name, nameSpan, value));
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != '}')
            {
                throw new JsonParseException("Expected ',' or '}' after a property value.", _position);
            }
        }
    }

    private JsonValue ParseArray(int depth)
    {
        var start = _position++;
        var items = new List<JsonValue>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == ']')
            {
                _position++;
                return new JsonValue(JsonKind.Array, TextSpan.FromBounds(start, _position), items: items);
            }

            items.Add(ParseValue(depth + 1));
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != ']')
            {
                throw new JsonParseException("Expected ',' or ']' after an array item.", _position);
            }
        }
    }

    private string ParseString()
    {
        var start = _position;
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonParseException("Unterminated string.", start);
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw new JsonParseException("Control character in a string; escape it.", _position - 1);
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var escape = Peek();
            _position++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !ushort.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonParseException("Invalid \\u escape.", _position - 2);
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonParseException("Invalid escape sequence.", _position - 2);
            }
        }
    }

    private JsonValue ParseNumber()
    {
        var start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        var literal = _text.Substring(start, _position - start);
        if (literal.Length == 0 || !double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new JsonParseException("Unexpected character; expected a JSON value.", start);
        }

        return new JsonValue(JsonKind.Number, TextSpan.FromBounds(start, _position), literal);
    }

    private JsonValue ParseLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw new JsonParseException("Unexpected character; expected a JSON value.", _position);
        }

        var start = _position;
        _position += literal.Length;
        return new JsonValue(kind, TextSpan.FromBounds(start, _position));
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsonParseException("Unterminated comment.", _position);
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw new JsonParseException($"Expected '{c}'.", _position);
        }

        _position++;
    }

    private char Peek(int offset = 0) => _position + offset < _text.Length ? _text[_position + offset] : '\0';
}
