package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// blockedPrefixes are address ranges a fetch must not reach: besides
// loopback, private, link-local, multicast and unspecified addresses (checked
// with netip), the shared, benchmarking, reserved and documentation ranges.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("2001:db8::/32"),
}

// IsPublic reports whether ip is an address on the public internet.
func IsPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// errPrivate is returned by the dialer for addresses that are not public.
type errPrivate struct{ addr string }

func (e errPrivate) Error() string {
	return fmt.Sprintf("refusing to connect to non-public address %s", e.addr)
}

// guardControl is a net.Dialer Control function that refuses connections to
// non-public addresses. It runs after name resolution, on the address
// actually dialled, so a host name that resolves (or re-resolves) to a
// private address is refused too.
func guardControl(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return errPrivate{address}
	}
	if !IsPublic(ip) {
		return errPrivate{address}
	}
	return nil
}
