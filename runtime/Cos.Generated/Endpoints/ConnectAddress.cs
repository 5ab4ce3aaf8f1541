using System.Globalization;
using System.Net;

namespace Cos.Generated.Endpoints;

/// <summary>A parsed <see cref="CosClientOptions.ConnectTo"/>: where to open the TCP connection.</summary>
internal readonly record struct ConnectAddress(string Host, int? Port)
{
    /// <summary>Parses <c>host</c>, <c>host:port</c>, <c>ipv6</c> or <c>[ipv6]:port</c>.</summary>
    public static bool TryParse(string? value, out ConnectAddress address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsWhiteSpace))
        {
            return false;
        }

        string host;
        string? port = null;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']');
            if (close < 0 || !IPAddress.TryParse(value.AsSpan(1, close - 1), out _))
            {
                return false;
            }

            host = value[1..close];
            var rest = value[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                port = rest[1..];
            }
        }
        else if (value.Count(static c => c == ':') > 1)
        {
            if (!IPAddress.TryParse(value, out _))
            {
                return false;
            }

            host = value;
        }
        else
        {
            var colon = value.IndexOf(':');
            host = colon < 0 ? value : value[..colon];
            port = colon < 0 ? null : value[(colon + 1)..];
            if (host.Length == 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                return false;
            }
        }

        int? portNumber = null;
        if (port is not null)
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                return false;
            }

            portNumber = number;
        }

        address = new ConnectAddress(host, portNumber);
        return true;
    }
}
