import DossierCore

// The reply of the busiest methods (`customer.flag`, `customer.register`, `customer.show`)
// writes its own JSON (see `JSONWritable`).

extension CustomerResult: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("customer", self.customer)
        writer.member("receipt", ifPresent: self.receipt)
        writer.member("withheld", ifPresent: self.withheld)
        writer.endObject()
    }
}
